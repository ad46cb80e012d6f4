"""ptkg_entities on real sentences of the bundled articles, and on names it has never seen."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from extract.entities.candidates import is_abbreviation
from extract.nlp import PipelineOptions, load_pipeline
from extract.records import EntityMention

Entities = Callable[[str], list[EntityMention]]


def by_text(mentions: list[EntityMention], text: str) -> EntityMention:
    found = [m for m in mentions if m.span.text == text]
    assert len(found) == 1, [(m.span.text, m.type) for m in mentions]
    return found[0]


def test_component_person_with_role_and_affiliation(entities_parsed: Entities) -> None:
    found = entities_parsed(
        "In a letter to the company, US Commerce Secretary Howard Lutnick said Anthropic had made "
        '"significant progress" in mitigating the risks.'
    )
    person = by_text(found, "Howard Lutnick")
    assert person.type == "person"
    assert person.role == "Commerce Secretary"
    assert person.affiliation == "US Department of Commerce"
    # the title's words are not entities of their own
    assert not [m for m in found if m.span.text in ("US", "Commerce")]


def test_component_gazetteer_aliases_share_canonical_names(entities: Entities) -> None:
    found = entities(
        "Earlier in March, Anthropic initiated legal action against the Department of Defense. "
        "This came after the Pentagon designated the company as a supply chain risk. "
        "A Commerce Department spokesperson declined to comment."
    )
    assert by_text(found, "Department of Defense").name == "US Department of Defense"
    assert by_text(found, "Pentagon").name == "US Department of Defense"
    assert by_text(found, "Commerce Department").name == "US Department of Commerce"
    assert by_text(found, "Anthropic").type == "organization"


def test_component_model_names_with_and_without_family(entities: Entities) -> None:
    found = entities(
        "Following the June 12 export control order, Anthropic had disabled access to its "
        "flagship Claude Mythos 5 and Fable 5 models for all users.\n\nFable 5 May Follow\n\n"
        "Chinese researchers claim that Mythos is matched by Zhipu AI's GLM-5.2."
    )
    models = {m.span.text: m.name for m in found if m.type == "ai_model"}
    assert models["Claude Mythos 5"] == "Claude Mythos 5"
    assert models["Mythos"] == "Claude Mythos 5"  # a short form merges with the full name
    assert models["Fable 5"] == "Fable 5"
    assert models["GLM-5.2"] == "GLM-5.2"
    assert by_text(found, "Zhipu AI").type == "organization"
    # "May" of the headline is not part of a name, nor a person
    assert not [m for m in found if "May" in m.span.text]


def test_component_drops_ner_junk_of_headlines(entities: Entities) -> None:
    found = entities("US Relaxes Export Restrictions on Anthropic's AI Amid Security Safeguards")
    texts = {m.span.text: m.type for m in found}
    assert texts == {"US": "country", "Anthropic": "organization"}


def test_component_administration_and_titles(entities: Entities) -> None:
    found = entities(
        "The previous month's directive saw the Trump administration mandate Anthropic to "
        "restrict all foreign nationals. Initially, President Trump's second term saw an embrace "
        "of a hands-off approach."
    )
    assert by_text(found, "Trump administration").type == "administration"
    president = by_text(found, "Trump")
    assert (president.type, president.role) == ("person", "President")


def test_component_appositive_roles(entities_parsed: Entities) -> None:
    found = entities_parsed(
        "Francesco Bailo, deputy director of the AI, Trust and Governance Centre at the "
        "University of Sydney, commented that the lifting was anticipated. Bailo suggested that "
        "reports had been exaggerated."
    )
    person = by_text(found, "Francesco Bailo")
    assert person.role == "deputy director"
    assert by_text(found, "Bailo").name == "Francesco Bailo"


def test_component_finds_names_it_does_not_know(entities: Entities) -> None:
    found = entities(
        "Northwind Labs released its Zephyr 3 model to a small group of partners, said Dana "
        "Whitfield, chief executive of Northwind Labs. Whitfield added that Zephyr would follow."
    )
    assert by_text(found, "Zephyr 3").type == "ai_model"
    assert by_text(found, "Zephyr").name == "Zephyr 3"
    assert by_text(found, "Dana Whitfield").role == "chief executive"
    assert by_text(found, "Whitfield").name == "Dana Whitfield"
    assert {m.type for m in found if m.span.text == "Northwind Labs"} == {"organization"}


def test_component_ids_and_spans_in_text_order(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Reuters reported that OpenAI limited GPT-5.6 to trusted partners.")
    ids = [m.id for m in doc._.entities]
    assert ids == [f"e{n}" for n in range(1, len(ids) + 1)]
    spans = doc.spans["entities"]
    assert [s.id_ for s in spans] == ids
    assert [(s.text, s.label_) for s in spans][:2] == [
        ("Reuters", "news_outlet"),
        ("OpenAI", "organization"),
    ]
    for mention in doc._.entities:
        assert doc.text[mention.span.start : mention.span.end] == mention.span.text


def test_component_user_lexicon_extends_the_gazetteer(tmp_path: Path) -> None:
    extra = tmp_path / "my_gazetteer.yaml"
    extra.write_text(
        "entities:\n"
        "  - {id: acme, name: Acme Robotics, type: organization, aliases: [Acme]}\n"
        "model_families:\n"
        "  - {id: roadrunner, name: Roadrunner, owner: Acme Robotics, type: ai_model}\n",
        encoding="utf-8",
    )
    nlp = load_pipeline(PipelineOptions(components=("ptkg_entities",), lexicons=(extra,)))
    found = list(nlp("Acme said Roadrunner 2 would ship in June.")._.entities)
    assert by_text(found, "Acme").name == "Acme Robotics"
    assert by_text(found, "Acme").gazetteer_id == "acme"
    assert by_text(found, "Roadrunner 2").type == "ai_model"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The Pentagon said so.", "US Department of Defense"),
        ("The DoD said so.", "US Department of Defense"),
        ("The Department of Commerce said so.", "US Department of Commerce"),
        ("The EU said so.", "European Union"),
        ("POLITICO reported it.", "POLITICO"),
    ],
)
def test_component_aliases(entities: Entities, text: str, name: str) -> None:
    assert name in {m.name for m in entities(text)}


def test_component_leader_aides_name_the_administration(entities_parsed: Entities) -> None:
    found = entities_parsed("There has been concern that Trump’s aides were singling out the firm.")
    [administration] = [e for e in found if e.type == "administration"]
    assert (administration.span.text, administration.name) == ("Trump", "Trump administration")
    assert not [e for e in found if e.type in ("organization", "person")]


def test_component_an_abbreviation_the_text_defines_names_the_same_entity(
    entities: Entities,
) -> None:
    found = entities(
        "The Maritime Spectrum Office (MSO) fined Samsung. Samsung appealed, and the MSO "
        "refused to reconsider."
    )
    names = {m.span.text: m.name for m in found}
    assert names["MSO"] == "Maritime Spectrum Office"
    # the short name a list of names goes by abbreviates one of them
    listed = entities(
        "The Order names Korvo Telecom Equipment Corporation and Korvo Kangda Ltd. "
        "(collectively, KTE). Exports to KTE are barred."
    )
    names = {m.span.text: m.name for m in listed}
    assert names["KTE"] == "Korvo Telecom Equipment Corporation"
    assert is_abbreviation("DoC", "Department of Commerce")
    assert not is_abbreviation("Reuters", "Department of Commerce")
    assert not is_abbreviation("FCC", "Department of Commerce")


def test_component_a_number_written_with_letters_is_no_version(entities: Entities) -> None:
    # "5G" is split into "5" "G" by the tokenizer: neither a model "Samsung 5" nor a reason
    # to drop the company's name
    found = entities("Operators may no longer buy new Samsung 5G equipment.")
    assert by_text(found, "Samsung").type == "organization"
    assert not [m for m in found if m.type == "ai_model"]
    # a version after a space still is one
    versioned = entities("Samsung said Gemini 5 will not be sold in China.")
    assert "Gemini 5" in {m.span.text for m in versioned if m.type == "ai_model"}


def test_component_a_name_coordinated_with_companies_is_a_company(entities: Entities) -> None:
    found = entities("Zentrova and Intel stopped shipments to the company.")
    assert by_text(found, "Zentrova").type == "organization"
    investors = entities("The venture is held by Oracle, Silver Lake and Nvidia.")
    assert by_text(investors, "Silver Lake").type == "organization"
    # the words that end a company's name are no company of their own
    suffix = entities("The agency listed Samsung and another firm, Zentrova Corp., on Monday.")
    assert not [m for m in suffix if m.span.text in ("Corp.", "Corp")]
    # countries stay countries
    places = entities("The US, China and Samsung disagree.")
    assert by_text(places, "China").type == "country"


def test_component_a_hyphenated_name_is_one_name(entities: Entities) -> None:
    found = entities("Press secretary Marie Dupont-Lavigne said the ban stands.")
    assert by_text(found, "Marie Dupont-Lavigne").type == "person"


def test_component_a_known_name_followed_by_words_of_its_own_is_another_body(
    entities: Entities,
) -> None:
    found = entities(
        "The bill passed the Senate Finance Committee after Samsung Zentra Electronics Ltd. "
        "and Nvidia Corp. Ltd. were named."
    )
    assert by_text(found, "Senate Finance Committee").type == "legislature"
    assert by_text(found, "Samsung Zentra Electronics Ltd.").type == "organization"
    # the words that only end a name leave the known company itself, and are its name's
    assert by_text(found, "Nvidia Corp. Ltd.").name == "Nvidia"


def test_component_a_name_ends_before_a_bracket(entities: Entities) -> None:
    found = entities(
        "The Commission directed the Public Safety and Homeland Security Bureau (Bureau) to act."
    )
    assert not [m for m in found if "(" in m.span.text]


def test_component_a_court_named_after_its_country_and_district(entities: Entities) -> None:
    found = entities(
        "Judge Jane Roe of the U.S. District Court for the Southern District of Ohio "
        "ruled on Friday."
    )
    court = by_text(found, "U.S. District Court for the Southern District of Ohio")
    assert court.type == "court"
    assert court.name == "US District Court for the Southern District of Ohio"


def test_component_a_name_the_tagger_took_for_a_noun_among_companies(entities: Entities) -> None:
    found = entities("Apps by Samsung, including Snapchat, Instagram, and Melon8, were removed.")
    assert by_text(found, "Melon8").type == "organization"  # tagged a common noun


def test_component_a_name_with_an_inner_capital_among_companies(entities: Entities) -> None:
    found = entities("The orders ban the apps Snapchat and ZenChat from operating in the US.")
    assert by_text(found, "ZenChat").type == "organization"


@pytest.mark.parametrize(
    "text",
    [
        "India banned 59 apps, including ZenChat, citing security threats.",
        "The regulator restored access to ZenChat on Friday.",
    ],
)
def test_component_a_camel_case_word_is_a_company_or_service(entities: Entities, text: str) -> None:
    """Whatever place or title the tagger takes it for; a surname with an inner capital
    stays a person."""
    assert by_text(entities(text), "ZenChat").type == "organization"
    # a camel-case name the tagger left unnamed
    untagged = entities("Texas will ban ReelNest from January 1.")
    assert by_text(untagged, "ReelNest").type == "organization"
    person = entities("Senator John McKorvo said the ban was overdue.")
    assert {m.type for m in person if "McKorvo" in m.name} <= {"person"}


def test_component_an_app_named_by_its_kind(entities: Entities) -> None:
    found = entities("The orders target the messaging app ZenChat.")
    assert by_text(found, "ZenChat").type == "product"
    assert not [m for m in entities("Apple removed it from the App Store.") if m.type == "product"]


@pytest.mark.parametrize(
    "text",
    [
        "The regulator suspended the messaging service ZenChat.",
        "Providers were told to block access to the ZenChat platform.",
        "Users could no longer reach the Zenchat website.",
    ],
)
def test_component_a_service_named_by_its_kind(entities: Entities, text: str) -> None:
    """A camel-case name before or after its kind, whatever the tagger guessed it was."""
    (found,) = [m for m in entities(text) if m.type == "product"]
    assert found.name.lower() == "zenchat"


def test_component_regulations_are_instruments_not_parties(entities: Entities) -> None:
    found = entities(
        "Samsung may not ship chips to Corvex under the Export Administration Regulations "
        "(EAR), and the Foreign Direct Product Rule widens the EAR to chips made abroad."
    )
    assert by_text(found, "Export Administration Regulations").type == "legal_instrument"
    assert {m.type for m in found if m.span.text == "EAR"} == {"legal_instrument"}
    assert by_text(found, "Foreign Direct Product Rule").type == "legal_instrument"


def test_component_capitalised_common_nouns_of_legal_text_are_no_names(
    entities: Entities,
) -> None:
    found = entities(
        "The Department said the Company had violated the terms, and the Commission fined "
        "Corvex Inc. on Monday."
    )
    assert {m.span.text for m in found if m.type != "legal_instrument"} == {"Corvex Inc."}


def test_component_platforms_and_app_stores_are_known(entities: Entities) -> None:
    found = entities("Apple pulled ZenChat from the App Store, and Google cut Corvex off Android.")
    assert by_text(found, "App Store").type == "platform"
    assert by_text(found, "Android").type == "platform"


def test_component_a_titled_surname_names_the_person_elsewhere_in_the_text(
    entities: Entities,
) -> None:
    found = entities(
        "President Roe spoke on Monday. \u201cWe are working to give Corvex a way back into "
        "business,\u201d Roe tweeted."
    )
    people = [m for m in found if m.type == "person"]
    assert [m.span.text for m in people] == ["Roe", "Roe"]


def test_component_a_body_named_after_a_title_is_no_person(entities: Entities) -> None:
    found = entities("The Justice Department sued Corvex on Monday.")
    assert by_text(found, "Justice Department").name == "US Department of Justice"
    assert not [m for m in found if m.type == "person"]


def test_component_bodies_and_platforms_named_in_full(entities: Entities) -> None:
    found = entities(
        "The National Cyber Security Centre agreed. Zentra said it would form the ZenChat "
        "USDS Joint Venture LLC with Oracle. Phones lost the Google Play Store."
    )
    assert by_text(found, "National Cyber Security Centre").type == "government_agency"
    assert by_text(found, "ZenChat USDS Joint Venture LLC").type == "organization"
    # the store of a company, named with the company: one name, not the company and a store
    assert by_text(found, "Google Play Store").type == "platform"
    assert not [m for m in found if m.span.text == "Google"]


def test_component_a_company_named_in_full_with_its_place_and_short_name(
    entities: Entities,
) -> None:
    """Legal notices name a company in full, with the place it is of and the short name
    the text uses ("Xenith Global Memory Corporation, of Hsinchu, Taiwan (XGM)"); a full
    name whose short name the gazetteer knows is that company."""
    found = entities(
        "Commerce lifted the order on Xenith Global Memory Corporation, of Hsinchu, Taiwan "
        "(XGM) and Corvex Ltd. of Ulsan, Korea. XGM welcomed it."
    )
    assert [m.name for m in found if m.span.text == "XGM"] == [
        "Xenith Global Memory Corporation"
    ] * 2
    assert not [m for m in found if m.span.text == "Hsinchu" and m.type == "organization"]
    known = entities(
        "The order on Acme Micro Devices Corporation, of Santa Clara, California (AMD) "
        "was lifted on Monday."
    )
    assert by_text(known, "Acme Micro Devices Corporation").name == "AMD"
    # a first word the tagger takes for a verb still starts the name
    named = entities(
        "Commerce lifted the order on Rising Telecommunications Equipment Corporation."
    )
    assert by_text(named, "Rising Telecommunications Equipment Corporation").type == "organization"


def test_component_a_bureau_named_as_a_body_s_belongs_to_it(entities: Entities) -> None:
    found = entities(
        "The Federal Communications Commission's (FCC) Public Safety and Homeland Security "
        "Bureau (PSHSB) designated Corvex. The PSHSB said so. The FCC's Wireline Competition "
        "Bureau agreed."
    )
    for text in ("Public Safety and Homeland Security Bureau", "Wireline Competition Bureau"):
        bureau = by_text(found, text)
        assert bureau.type == "government_agency"
        assert bureau.affiliation == "Federal Communications Commission"
    assert {m.affiliation for m in found if m.span.text == "PSHSB"} == {
        "Federal Communications Commission"
    }


def test_component_a_body_named_by_its_description_belongs_to_the_country_s(
    entities: Entities,
) -> None:
    """ "Norway's Digital Markets Authority": a name the tagger takes for a company, typed a
    body by the noun that ends it, belongs to the country whose it is written as."""
    found = entities("Norway's Digital Markets Authority fined Velkor Robotics on Monday.")
    authority = by_text(found, "Digital Markets Authority")
    assert (authority.type, authority.affiliation) == ("government_agency", "Norway")


def test_component_a_body_s_name_joined_by_and_is_one_name(entities: Entities) -> None:
    """ "The Communications and Media Authority": not a company "Communications" and a body
    "Media Authority"; two names joined by "and" stay two ("Norway and the Digital Markets
    Authority")."""
    found = entities("The Communications and Media Authority fined Velkor Robotics on Monday.")
    body = by_text(found, "Communications and Media Authority")
    assert body.type == "government_agency"
    assert not [m for m in found if m.span.text == "Communications"]
    two = entities("Norway and the Digital Markets Authority fined Velkor Robotics.")
    assert {m.span.text for m in two} >= {"Norway", "Digital Markets Authority"}


def test_component_every_country_is_one_and_its_named_bodies_belong_to_it(
    entities: Entities,
) -> None:
    """A story may be about any country: "Botswana" is a country, not a company; "the
    Botswana Communications Commission" is its body, the name whole, while "the U.S.
    Commerce Department" stays the known department."""
    found = entities(
        "The Botswana Communications Commission ordered Velkor Robotics to stop selling "
        "terminals in Botswana. The U.S. Commerce Department said nothing."
    )
    assert by_text(found, "Botswana").type == "country"
    body = by_text(found, "Botswana Communications Commission")
    assert (body.type, body.affiliation) == ("government_agency", "Botswana")
    assert by_text(found, "U.S. Commerce Department").name == "US Department of Commerce"


def test_component_a_technology_s_name_is_no_company(entities: Entities) -> None:
    """ "Wi-Fi", "Bluetooth", "5G": capitalised words of technology, no party to an act."""
    found = entities(
        "At the lodge she runs, Jane Roe spent Thursday evening explaining to a group of "
        "tourists why the Wi-Fi had stopped working."
    )
    assert "Wi-Fi" not in {m.span.text for m in found}


def test_component_a_service_and_terminals_named_by_their_kind(entities: Entities) -> None:
    """ "its Ternova service", "Ternova terminals": a product its kind names, not a
    company."""
    found = entities(
        "Velkor Orbital switched off its Ternova service in Botswana. Customers said Ternova "
        "terminals stopped working."
    )
    assert {m.type for m in found if m.span.text == "Ternova"} == {"product"}


def test_component_devices_named_by_their_kind(entities: Entities) -> None:
    found = entities("Corvex designs Zircon chips for the Zeta 40 phone and Orbit X3 Pro laptops.")
    assert {m.name for m in found if m.type == "product"} == {"Zircon", "Zeta 40", "Orbit X3 Pro"}
    # a known company's chips are the company's, not a product named after it
    known = entities("Samsung chips sold well.")
    assert [m.type for m in known] == ["organization"]
    # in a title-case headline the verb before a kind ("Bans Chip Exports") is no product
    headline = entities("Germany Bans Chip Exports to Samsung\n\nThe text of the story.")
    assert [m.type for m in headline if m.type == "product"] == []


def test_component_a_name_a_document_was_seen_by_is_an_outlet(entities: Entities) -> None:
    found = entities(
        "The terms were set out in a memo to staff reviewed by Zentrapost. A letter seen "
        "by Vidly Wire said so."
    )
    outlets = {m.name for m in found if m.type == "news_outlet"}
    assert outlets == {"Zentrapost", "Vidly Wire"}


def test_component_a_category_of_a_rule_is_no_company(entities: Entities) -> None:
    found = entities(
        "Commerce authorized all persons, except those located in Country Group E countries, "
        "to deal with Corvex Technologies on its 5G equipment."
    )
    assert {m.name for m in found if m.type == "organization"} == {"Corvex Technologies"}


def test_component_the_parties_a_notice_lists_with_their_addresses(entities: Entities) -> None:
    found = entities(
        "The rule adds these entities to the list:\n"
        '1. Corvex 8-Star (a.k.a. "8s") located at Unit 601, Prosper Center, Beijing; and\n'
        "2. Zentra Parsian, located at No. 100, Africa Ave., Tehran, Iran.\n"
        "The plant, located at the edge of town, was closed."
    )
    assert by_text(found, "Corvex 8-Star").type == "organization"
    assert by_text(found, "Zentra Parsian").type == "organization"
    assert not [m for m in found if m.span.text.lower().startswith("the plant")]


def test_component_a_datelines_place_is_no_party(entities: Entities) -> None:
    found = entities("LONDON, May 4 (Reuters) - The Commerce Department added Samsung to a list.")
    assert not [m for m in found if m.span.text == "LONDON"]
    assert by_text(found, "Samsung").type == "organization"
    # the same place in the text is one
    told = entities("Officials in London said Samsung would comply.")
    assert [m.span.text for m in told if m.span.text == "London"] == ["London"]


def test_component_a_sum_of_money_is_no_name(entities: Entities) -> None:
    found = entities("Shares of Samsung closed at HKD14.96 on Monday.")
    assert [m.span.text for m in found] == ["Samsung"]
    # a name with digits stays a name
    coded = entities("Samsung showed the Zeta 40 phone at the G20 summit.")
    assert "G20" in [m.span.text for m in coded]


def test_component_a_company_its_trade_names_is_that_company_all_through(
    entities: Entities,
) -> None:
    """ "drone maker Korvo": a company, and so is every later "Korvo" of the text, whatever
    NER guessed there; a government's named list is an instrument, never a party."""
    found = entities(
        "The Federal Communications Commission added drone maker Korvo to its Covered List. "
        "The Treasury placed Korvo on its sanctions list in 2021, and Korvo said it would sue."
    )
    korvo = [m for m in found if m.span.text == "Korvo"]
    assert len(korvo) == 3 and {m.type for m in korvo} == {"organization"}
    assert by_text(found, "Covered List").type == "legal_instrument"


def test_component_the_maker_of_goods_its_name_qualifies(entities: Entities) -> None:
    found = entities(
        "Britain will ban new Zentrix 5G equipment and strip all Zentrix kit from its networks, "
        "while Customer Premises Equipment stays allowed."
    )
    zentrix = [m for m in found if m.span.text == "Zentrix"]
    assert len(zentrix) == 2 and {m.type for m in zentrix} == {"organization"}
    # a kind of goods in title case names no maker (whatever NER makes of the whole)
    assert not [m for m in found if m.name in ("Premises", "Customer Premises")]


def test_component_a_class_of_goods_its_trade_names(entities: Entities) -> None:
    """What a measure may bar when it names no maker: "mobile Internet modems", "networking
    gear"; a kind of goods alone names none, and a maker named before its goods stays the
    company."""
    found = entities(
        "The agency barred the sale of phones and mobile Internet modems made by Korvo, "
        "which relies on American parts for its networking gear and other equipment."
    )
    assert by_text(found, "mobile Internet modems").type == "goods"
    assert by_text(found, "networking gear").type == "goods"
    assert not [m for m in found if m.span.text.lower() in ("equipment", "other equipment")]
    made = entities("Britain will ban new Zentrix 5G equipment and strip all Zentrix kit.")
    assert {m.type for m in made if m.span.text == "Zentrix"} == {"organization"}
    assert not [m for m in made if m.type == "goods"]


def test_component_an_app_its_kind_names_after_it(entities: Entities) -> None:
    found = entities("The regulator lifted its ban on the Zorbit app on Monday.")
    assert by_text(found, "Zorbit").type == "product"


def test_component_a_conference_committee_is_a_body_of_the_legislature(entities: Entities) -> None:
    found = entities("The conference committee dropped the Senate's language on Samsung.")
    assert by_text(found, "conference committee").type == "legislature"


def test_component_a_ministry_named_after_a_known_word_is_a_body_of_its_own(
    entities: Entities,
) -> None:
    """ "the Ministry of Commerce" is no "Commerce" (the US department's short name); a
    ministry's name runs to its last title-case word; a known body's full name stays it."""
    ministry = entities("The Ministry of Commerce placed Korvo on its list.")
    assert by_text(ministry, "Ministry of Commerce").name == "Ministry of Commerce"
    long_name = entities("The Ministry of Electronics and Information Technology banned it.")
    assert {m.name for m in long_name} >= {"Ministry of Electronics and Information Technology"}
    known = entities("The Department of Commerce added Korvo to the list.")
    assert by_text(known, "Department of Commerce").name == "US Department of Commerce"


def test_component_a_known_bodys_name_after_another_country_is_that_countrys(
    entities: Entities,
) -> None:
    """ "A Brazilian Supreme Court justice", "Kenya's Supreme Court": the country's court,
    not the US one the bare name stands for; "the American Supreme Court" is the known one."""
    brazilian = entities("A Brazilian Supreme Court justice suspended ZenChat.")
    court = by_text(brazilian, "Brazilian Supreme Court")
    assert (court.name, court.type, court.affiliation) == (
        "Supreme Court of Brazil",
        "court",
        "Brazil",
    )
    assert court.gazetteer_id is None
    kenyan = entities("Kenya's Supreme Court upheld the ban on ZenChat.")
    assert by_text(kenyan, "Supreme Court").name == "Supreme Court of Kenya"
    for text in (
        "The American Supreme Court upheld the ban on ZenChat.",
        "The Supreme Court upheld the ban on ZenChat.",
    ):
        assert by_text(entities(text), "Supreme Court").name == "US Supreme Court", text


def test_component_a_sum_after_a_name_is_no_part_of_it(entities: Entities) -> None:
    found = entities("The European Commission fined Zentrix 1.2 billion euros on Tuesday.")
    assert not [m for m in found if "billion" in m.span.text]


def test_component_a_known_body_named_with_a_title_is_no_person(entities: Entities) -> None:
    """ "The General Court": a court, not a general named Court; "General Mark Smith" is."""
    court = entities("The General Court annulled the fine.")
    assert by_text(court, "General Court").type == "court"
    assert not [m for m in court if m.type == "person"]
    general = entities("General Mark Smith said the army will stop buying the phones.")
    assert by_text(general, "Mark Smith").role == "General"


def test_component_known_companies_the_tagger_misses_are_found(entities: Entities) -> None:
    """Companies often named in trade and security measures, which the small tagger misses
    or takes for places at the start of a sentence or after "added", are in the gazetteer."""
    found = entities("Hikvision and Dahua were added to the Entity List; Hytera was fined.")
    assert {m.name for m in found if m.type == "organization"} >= {
        "Hikvision",
        "Dahua Technology",
        "Hytera",
    }


def test_component_the_lists_of_restricted_parties_are_known(entities: Entities) -> None:
    """The lists a party is added to are instruments of the gazetteer, whatever agency keeps
    them: no company named "Specially Designated Nationals"."""
    found = entities(
        "Treasury added Corvex to the Specially Designated Nationals list, the Pentagon put "
        "Zentra on its 1260H List and the FCC added Korvo to its Covered List."
    )
    assert by_text(found, "Specially Designated Nationals list").type == "legal_instrument"
    assert by_text(found, "1260H List").name == "Section 1260H List"
    assert by_text(found, "Covered List").type == "legal_instrument"


def test_component_a_company_named_by_its_line_of_business(entities: Entities) -> None:
    """ "Velkor Robotics filed a lawsuit", "Arden Systems", "Kestrio Telecom": a name and a
    word of a company's line of business is a company, first in its sentence or not."""
    found = entities(
        "Velkor Robotics filed a lawsuit. Shares of Arden Systems fell, and Kestrio Telecom "
        "said it would appeal."
    )
    for name in ("Velkor Robotics", "Arden Systems", "Kestrio Telecom"):
        assert by_text(found, name).type == "organization", name


def test_component_a_party_told_something_is_no_outlet(entities: Entities) -> None:
    """ "told Reuters" makes an unknown name an outlet; "never told Velkor what it relied
    on", of a company the text names, does not."""
    found = entities(
        "Velkor Robotics sues Commerce Department over trade blacklisting\n\nThe complaint "
        "says the department never told Velkor what evidence it relied on."
    )
    assert not [m for m in found if m.type == "news_outlet"]
    told = entities("The minister told Wirepost on Monday that the ban stays.")
    assert by_text(told, "Wirepost").type == "news_outlet"


def test_component_courts_are_named_whole(entities: Entities) -> None:
    """ "Brazil's Supreme Federal Court", "the U.S. Court of Appeals for the Ninth
    Circuit", "the Ninth Circuit": courts, named whole."""
    found = entities(
        "Brazil's Supreme Federal Court ruled on Friday. The U.S. Court of Appeals for the "
        "Ninth Circuit agreed, and Zentra said it would go back to the Ninth Circuit."
    )
    assert by_text(found, "Supreme Federal Court").type == "court"
    assert by_text(found, "U.S. Court of Appeals for the Ninth Circuit").type == "court"
    assert by_text(found, "Ninth Circuit").type == "court"


def test_component_a_dotted_abbreviation_without_its_last_dot(entities: Entities) -> None:
    """ "U.S President", "U.K-based": the known country, as "U.S." and "U.K." are."""
    found = entities("The U.S President met U.K-based firms in the U.S. on Monday.")
    named = {m.span.text: m.name for m in found}
    assert named["U.S"] == named["U.S."] == "United States"
    assert named["U.K"] == "United Kingdom"


def test_component_a_company_named_again_without_its_ending(entities: Entities) -> None:
    """ "Velkor Labs" then "Velkor": the company, wherever the text names it so, over the
    tagger's guess of a person or nothing at all."""
    found = entities(
        "The department banned software made by Velkor Labs on Friday. Later, Velkor said "
        "it would appeal, and the agency barred Velkor from selling licences."
    )
    velkor = [m for m in found if m.span.text == "Velkor"]
    assert len(velkor) == 2
    assert {(m.name, m.type) for m in velkor} == {("Velkor Labs", "organization")}


def test_component_a_body_of_the_department_named_before(entities: Entities) -> None:
    """ "the department's Office of Digital Trust": an office of the department named
    before (the Commerce Department), so that it acts for it."""
    found = entities(
        "The Commerce Department banned the software on Friday. The determination, issued "
        "by the department's Office of Digital Trust, takes effect in July."
    )
    office = [m for m in found if m.span.text.startswith("Office of Digital Trust")]
    assert [m.affiliation for m in office] == ["US Department of Commerce"]


def test_component_an_unknown_name_a_restriction_is_on_is_a_party(entities: Entities) -> None:
    """ "lifted its suspension of Chirper": an unknown name a ban or a suspension is of or
    on is a party (a company or its service); a place, a people or a day is not."""
    found = entities(
        "Kenya lifted its suspension of Chirper on Thursday. The ban on Monday ended the "
        "curbs on Kenyan firms."
    )
    assert by_text(found, "Chirper").type == "organization"
    assert not [m for m in found if m.span.text in ("Monday", "Kenyan")]


def test_component_a_capital_that_opens_a_sentence_names_nothing(entities: Entities) -> None:
    """ "Telecom operators in Kenya block access to Chirper", in a text that writes "telecom"
    in lower case: a sentence's first word is capitalised whatever it is."""
    found = entities(
        "Telecom operators in Kenya block access to Chirper\n\n"
        "Kenya's telecom operators blocked access to Chirper on Saturday."
    )
    assert not [m for m in found if m.span.text == "Telecom"]
    assert [m.name for m in found if m.span.text == "Kenya"] == ["Kenya", "Kenya"]


def test_component_a_name_set_beside_a_noun_of_a_body_is_that_body(entities: Entities) -> None:
    found = entities(
        "Norway's data protection authority, the NDPA, on Monday ordered Velkor Robotics to "
        "stop selling its drones. The NDPA said the order would stay. The ODSK, the "
        "country's privacy watchdog, agreed."
    )
    # the apposition tells what the tagger's organization is, wherever the text names it
    assert [m.type for m in found if m.span.text == "NDPA"] == ["government_agency"] * 2
    assert by_text(found, "ODSK").type == "government_agency"
    assert by_text(found, "Velkor Robotics").type == "organization"


def test_component_a_company_beside_a_noun_of_no_body_stays_a_company(entities: Entities) -> None:
    found = entities("Velkor Robotics, the Oslo drone maker, sued the ministry on Monday.")
    assert by_text(found, "Velkor Robotics").type == "organization"


def test_component_a_name_ending_in_a_noun_of_a_body_is_that_body(entities: Entities) -> None:
    found = entities(
        "The Consumer Protection Commission fined Velkor Robotics, and the Nordic Drone "
        "Tribunal upheld the fine."
    )
    assert by_text(found, "Consumer Protection Commission").type == "government_agency"
    assert by_text(found, "Nordic Drone Tribunal").type == "court"


def test_component_a_known_body_after_its_country_s_name_is_that_body(entities: Entities) -> None:
    """ "the US Treasury Department": the known department, not a body of its own named
    after it (as "China's Ministry of Commerce" is)."""
    found = entities("Velkor Robotics has sued the US Treasury Department in federal court.")
    bodies = [m for m in found if m.type == "government_agency"]
    assert [m.name for m in bodies] == ["US Department of the Treasury"]


def test_component_a_product_s_owner_as_the_text_says_it(entities: Entities) -> None:
    """ "The messaging app Zimble, a service run by Kestrio Labs", "Kestrio Labs, which
    operates the messaging app Zimble", "Kestrio Labs, the owner of the messaging app
    Zimble": Zimble is Kestrio Labs's; a company that only criticised it owns nothing."""
    for text in (
        "The regulator warned the messaging app Zimble, a service run by Kestrio Labs, on "
        "Wednesday.",
        "Kestrio Labs, which operates the messaging app Zimble, said it would cooperate.",
        "Kestrio Labs, the owner of the messaging app Zimble, said it would appeal.",
    ):
        owners = {m.name: m.owner for m in entities(text) if m.type == "product"}
        assert owners == {"Zimble": "Kestrio Labs"}, text
    critic = entities("Kestrio Labs, which criticised the messaging app Zimble, said nothing.")
    assert [m.name for m in critic if m.type == "product"] == ["Zimble"]
    assert all(m.owner is None for m in critic)
