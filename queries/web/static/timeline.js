/* The timeline page of ptkg: the story drawn from the graph's named queries.
 *
 * The page reads the graph only as SPARQL results. Served (`ptkg serve`), it fetches the
 * text of the named queries (queries/NAME.rq) and sends it to the endpoint (query);
 * written as one file (`ptkg export --format html`), it reads the results of the same
 * queries from the config block. A named query's parameters are bound as the Python
 * runner binds them (queries/library.py, kg/bindings.py): guarded lines kept or dropped,
 * then a VALUES row opening each group, values written as N-Triples terms, never pasted
 * text.
 */
(function () {
  "use strict";

  const XSD = "http://www.w3.org/2001/XMLSchema#";
  const EVENT_TYPE_NS = "https://w3id.org/ptkg/event-type#";
  const STATES = ["unrestricted", "restricted", "partially_lifted", "lifted"];
  const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  const config = JSON.parse(document.getElementById("ptkg-config").textContent);

  // -- SPARQL text: the runner's guards and bindings ------------------------------------
  const GUARD = /#\?((?:\s*!?[A-Za-z_][A-Za-z0-9_]*)+)\s*$/;

  /** The query text for these given parameter names (NamedQuery.text_for). */
  function textFor(text, given) {
    if (!text.includes("#?")) return text;
    const lines = text.split(/(?<=\n)/);
    return lines
      .filter((line) => {
        const guard = GUARD.exec(line.replace(/\r?\n$/, ""));
        if (!guard) return true;
        // every condition holds: `name` given, `!name` not given
        return guard[1].trim().split(/\s+/).every((word) => given.has(word.replace(/^!/, "")) !== word.startsWith("!"));
      })
      .join("");
  }

  function isAlnum(ch) {
    return /^[\p{L}\p{N}]$/u.test(ch);
  }

  /** [offset, token] of the words and punctuation of a SPARQL text (kg.bindings.sparql_tokens). */
  function sparqlTokens(text) {
    const tokens = [];
    const n = text.length;
    let i = 0;
    while (i < n) {
      const ch = text[i];
      if (ch === "#") {
        const end = text.indexOf("\n", i);
        i = end < 0 ? n : end + 1;
      } else if (ch === '"' || ch === "'") {
        i = stringEnd(text, i);
      } else if (ch === "<" && iriEnd(text, i) !== null) {
        i = iriEnd(text, i);
      } else if (ch === "?" || ch === "$") {
        i += 1;
        while (i < n && (isAlnum(text[i]) || text[i] === "_")) i += 1;
      } else if (isAlnum(ch) || ch === "_" || ch === "@") {
        const start = i;
        i += 1;
        while (i < n && (isAlnum(text[i]) || "_-:.@".includes(text[i]))) i += 1;
        tokens.push([start, text.slice(start, i)]);
      } else if (/\s/.test(ch)) {
        i += 1;
      } else {
        tokens.push([i, ch]);
        i += 1;
      }
    }
    return tokens;
  }

  function stringEnd(text, start) {
    const quote = text[start];
    const delimiter = text.startsWith(quote.repeat(3), start) ? quote.repeat(3) : quote;
    let i = start + delimiter.length;
    while (i < text.length) {
      if (text[i] === "\\") {
        i += 2;
        continue;
      }
      if (text.startsWith(delimiter, i)) return i + delimiter.length;
      i += 1;
    }
    throw new Error("the query has a string that is never closed");
  }

  function iriEnd(text, start) {
    for (let i = start + 1; i < text.length; i += 1) {
      const ch = text[i];
      if (ch === ">") return i + 1;
      if (/\s/.test(ch) || '<"{}|^`\\'.includes(ch)) return null;
    }
    return null;
  }

  function opensSubselect(text, start) {
    let i = start;
    while (i < text.length) {
      if (/\s/.test(text[i])) {
        i += 1;
      } else if (text[i] === "#") {
        const end = text.indexOf("\n", i);
        i = end < 0 ? text.length : end + 1;
      } else {
        return text.slice(i, i + 6).toUpperCase() === "SELECT";
      }
    }
    return false;
  }

  /** Offsets of the `{` of each group pattern of a SELECT or ASK query, or null. */
  function groupOpenings(text) {
    const openings = [];
    let form = null;
    let lastKeyword = "";
    let inData = false;
    for (const [start, token] of sparqlTokens(text)) {
      if (inData) {
        inData = token !== "}";
      } else if (token === "{") {
        if (form !== "SELECT" && form !== "ASK") return null;
        if (lastKeyword === "VALUES") {
          inData = true;
        } else if (!["OPTIONAL", "EXISTS", "MINUS"].includes(lastKeyword) && !opensSubselect(text, start + 1)) {
          openings.push(start);
        }
        lastKeyword = "";
      } else if (/^[\p{L}_]/u.test(token)) {
        lastKeyword = token.toUpperCase();
        if (form === null && ["SELECT", "ASK", "CONSTRUCT", "DESCRIBE"].includes(lastKeyword)) {
          form = lastKeyword;
        }
      }
    }
    return openings;
  }

  /** The query with its bindings ([[name, term]]) as a VALUES row opening each group. */
  function inlineValues(text, bindings) {
    if (!bindings.length) return text;
    const openings = groupOpenings(text);
    if (!openings || !openings.length) {
      throw new Error("the parameters of this query cannot be bound in its text");
    }
    const names = bindings.map(([name]) => "?" + name).join(" ");
    const terms = bindings.map(([, term]) => term).join(" ");
    const row = ` VALUES (${names}) { (${terms}) } `;
    let out = text;
    for (const opening of openings.slice().reverse()) {
      out = out.slice(0, opening + 1) + row + out.slice(opening + 1);
    }
    return out;
  }

  /** An N-Triples literal, written as the store writes one. */
  function literal(value, datatype) {
    let escaped = "";
    for (const ch of String(value)) {
      const code = ch.codePointAt(0);
      if (ch === '"') escaped += '\\"';
      else if (ch === "\\") escaped += "\\\\";
      else if (ch === "\n") escaped += "\\n";
      else if (ch === "\r") escaped += "\\r";
      else if (ch === "\t") escaped += "\\t";
      else if (ch === "\b") escaped += "\\b";
      else if (ch === "\f") escaped += "\\f";
      else if (code < 0x20 || code === 0x7f) escaped += "\\u" + code.toString(16).toUpperCase().padStart(4, "0");
      else escaped += ch;
    }
    const string = `"${escaped}"`;
    return datatype ? `${string}^^<${datatype}>` : string;
  }

  function iri(value) {
    if (/[\s<>"{}|^`\\]/.test(value)) throw new Error(`not an IRI: ${value}`);
    return `<${value}>`;
  }

  // -- the endpoint -------------------------------------------------------------------
  const rqCache = new Map();

  async function queryText(name) {
    if (!rqCache.has(name)) {
      rqCache.set(
        name,
        fetch(config.queries + name + ".rq").then((answer) => {
          if (!answer.ok) throw new Error(`no query ${name} (${answer.status})`);
          return answer.text();
        }),
      );
    }
    return rqCache.get(name);
  }

  /** Send SPARQL to the endpoint: the SPARQL JSON results, or {triples} for a graph. */
  async function sparql(text) {
    const answer = await fetch(config.endpoint, {
      method: "POST",
      headers: {
        "Content-Type": "application/x-www-form-urlencoded",
        Accept: "application/sparql-results+json, application/n-triples;q=0.5",
      },
      body: new URLSearchParams({ query: text }),
    });
    const body = await answer.text();
    if (!answer.ok) throw new Error(body.trim() || `the endpoint answered ${answer.status}`);
    const kind = answer.headers.get("Content-Type") || "";
    if (kind.includes("json")) return JSON.parse(body);
    return { triples: body };
  }

  /**
   * Results whose rows are packed in one column (a named query's `# Rows:` line: the rows
   * of the summary graph, queries/library.py) as the results of the columns it selects.
   */
  function unpacked(results, packing) {
    if (!packing || !results.results) return results;
    const vars = results.head.vars.filter((v) => v !== packing.variable);
    const bindings = [];
    for (const binding of results.results.bindings) {
      const cell = binding[packing.variable];
      if (!cell) {
        bindings.push(binding);
        continue;
      }
      let data = JSON.parse(cell.value);
      if (packing.member) data = data[packing.member] || [];
      for (const row of Array.isArray(data) ? data : [data]) bindings.push({ ...binding, ...row });
    }
    return { head: { vars }, results: { bindings } };
  }

  /** The rows of SPARQL JSON results as plain objects of strings, numbers and booleans. */
  function rows(results) {
    return results.results.bindings.map((binding) => {
      const row = {};
      for (const name of results.head.vars) row[name] = value(binding[name]);
      return row;
    });
  }

  function value(term) {
    if (!term) return null;
    if (term.type !== "literal" || !term.datatype) return term.value;
    const type = term.datatype.slice(XSD.length);
    if (!term.datatype.startsWith(XSD)) return term.value;
    if (["integer", "int", "long", "decimal", "double", "float", "nonNegativeInteger"].includes(type)) {
      return Number(term.value);
    }
    if (type === "boolean") return term.value === "true" || term.value === "1";
    return term.value;
  }

  async function pageResults(name) {
    const packing = namedQuery(name)?.rows;
    if (config.mode === "static") return unpacked(config.results[name], packing);
    return unpacked(await sparql(textFor(await queryText(name), new Set())), packing);
  }

  // -- dates --------------------------------------------------------------------------
  function parseDay(day) {
    const [y, m, d] = day.split("-").map(Number);
    return new Date(Date.UTC(y, m - 1, d));
  }

  function isoDay(date) {
    return date.toISOString().slice(0, 10);
  }

  function addDays(day, n) {
    const date = parseDay(day);
    date.setUTCDate(date.getUTCDate() + n);
    return isoDay(date);
  }

  function dayWords(day, withYear = true) {
    const date = parseDay(day);
    const text = `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]}`;
    return withYear ? `${text} ${date.getUTCFullYear()}` : text;
  }

  function isWholeMonth(a, b) {
    const start = parseDay(a);
    const end = parseDay(b);
    const last = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 0)).getUTCDate();
    return (
      start.getUTCDate() === 1 &&
      end.getUTCFullYear() === start.getUTCFullYear() &&
      end.getUTCMonth() === start.getUTCMonth() &&
      end.getUTCDate() === last
    );
  }

  /** A date window in words, as queries/dates.py writes it. */
  function describeWindow(earliest, latest, precision) {
    if (!earliest && !latest) return "undated";
    if (!earliest) return `by ${dayWords(latest)}`;
    if (!latest) return `from ${dayWords(earliest)}`;
    if (earliest === latest) return dayWords(earliest);
    const a = parseDay(earliest);
    const b = parseDay(latest);
    if (isWholeMonth(earliest, latest)) return `${MONTHS[a.getUTCMonth()]} ${a.getUTCFullYear()}`;
    if (precision === "year" && earliest.endsWith("-01-01") && latest === `${earliest.slice(0, 4)}-12-31`) {
      return earliest.slice(0, 4);
    }
    if (a.getUTCFullYear() === b.getUTCFullYear() && a.getUTCMonth() === b.getUTCMonth()) {
      return `${a.getUTCDate()}–${dayWords(latest)}`;
    }
    return `${dayWords(earliest, a.getUTCFullYear() !== b.getUTCFullYear())} – ${dayWords(latest)}`;
  }

  function shortWindow(earliest, latest) {
    if (!earliest && !latest) return "undated";
    if (!earliest) return `by ${dayWords(latest, false)}`;
    if (!latest) return `from ${dayWords(earliest, false)}`;
    if (earliest === latest) return dayWords(earliest, false);
    if (isWholeMonth(earliest, latest)) return MONTHS[parseDay(earliest).getUTCMonth()];
    return `${dayWords(earliest, false)}–${dayWords(latest, false)}`;
  }

  // -- HTML ---------------------------------------------------------------------------
  function escapeHtml(text) {
    return String(text ?? "")
      .replace(/&/g, "&amp;")
      .replace(/</g, "&lt;")
      .replace(/>/g, "&gt;")
      .replace(/"/g, "&quot;")
      .replace(/'/g, "&#39;");
  }

  function element(tag, attributes = {}, ...children) {
    const node = document.createElement(tag);
    for (const [name, val] of Object.entries(attributes)) {
      if (name === "text") node.textContent = val;
      else node.setAttribute(name, val);
    }
    for (const child of children) node.append(child);
    return node;
  }

  function safeUrl(url) {
    return /^https?:\/\//i.test(url || "") ? url : null;
  }

  // -- the story ----------------------------------------------------------------------
  const story = {
    events: [],
    byId: new Map(),
    types: new Map(),
    documents: new Map(),
    states: [],
    extent: null,
  };

  function buildStory(results) {
    for (const row of rows(results["event-types"])) {
      story.types.set(row.type, row);
    }
    for (const row of rows(results.documents)) story.documents.set(row.document, row);
    for (const row of rows(results["export-events"])) {
      if (!row.on_timeline) continue;
      const event = {
        ...row,
        id: row.event,
        index: story.events.length,
        agents: [],
        affected: [],
        models: [],
        mentions: [],
        dates: [],
        conflicts: new Map(),
      };
      story.events.push(event);
      story.byId.set(event.id, event);
    }
    const roles = { agent: "agents", affected: "affected", model: "models" };
    for (const row of rows(results["export-participants"])) {
      const event = story.byId.get(row.event);
      if (event) event[roles[row.role]].push({ id: row.entity, name: row.name, type: row.entity_type });
    }
    for (const row of rows(results["export-mentions"])) {
      const event = story.byId.get(row.event);
      if (event) event.mentions.push(row);
    }
    for (const row of rows(results["event-dates"])) {
      const event = story.byId.get(row.event);
      if (event) event.dates.push(row);
    }
    for (const row of rows(results["export-disagreements"])) {
      const event = story.byId.get(row.event);
      if (!event) continue;
      if (!event.conflicts.has(row.disagreement)) {
        event.conflicts.set(row.disagreement, { aspect: row.aspect, resolution: row.resolution, claims: [] });
      }
      event.conflicts.get(row.disagreement).claims.push({ value: row.value, document: row.document });
    }
    for (const event of story.events) {
      event.disputed = [...event.conflicts.values()].some((c) => c.aspect === "date");
      event.names = new Set([...event.agents, ...event.affected, ...event.models].map((p) => p.name));
      event.typeLabel = story.types.get(event.type)?.label || event.type;
      event.coarseLabel = story.types.get(event.coarse_type)?.label || event.coarse_type;
    }
    story.states = rows(results.restrictions);
    const days = [];
    for (const event of story.events) days.push(event.earliest, event.latest);
    for (const state of story.states) days.push(state.from_day, state.until_day);
    const known = days.filter(Boolean).sort();
    if (known.length) {
      story.extent = { start: addDays(known[0], -21), end: addDays(known[known.length - 1], 21) };
    }
  }

  function lanesOf(event, laneBy) {
    if (laneBy === "actor") return event.agents.length ? event.agents.map((a) => a.name) : ["(no actor named)"];
    if (event.models.length) return event.models.map((m) => m.name);
    if (event.affected.length) return event.affected.map((a) => a.name);
    if (event.agents.length) return [event.agents[0].name];
    return ["(no one named)"];
  }

  // -- filters ------------------------------------------------------------------------
  const controls = {
    entity: document.getElementById("filter-entity"),
    type: document.getElementById("filter-type"),
    from: document.getElementById("filter-from"),
    to: document.getElementById("filter-to"),
    laneBy: document.getElementById("lane-by"),
    reset: document.getElementById("filter-reset"),
  };

  function fillFilters() {
    const counts = new Map();
    for (const event of story.events) {
      for (const name of event.names) counts.set(name, (counts.get(name) || 0) + 1);
    }
    for (const name of [...counts.keys()].sort((a, b) => a.localeCompare(b))) {
      controls.entity.append(element("option", { value: name, text: `${name} (${counts.get(name)})` }));
    }
    const byCoarse = new Map();
    for (const event of story.events) {
      if (!byCoarse.has(event.coarse_type)) byCoarse.set(event.coarse_type, new Map());
      const types = byCoarse.get(event.coarse_type);
      types.set(event.type, (types.get(event.type) || 0) + 1);
    }
    for (const [coarse, types] of [...byCoarse].sort((a, b) => a[0].localeCompare(b[0]))) {
      const total = [...types.values()].reduce((a, b) => a + b, 0);
      const label = story.types.get(coarse)?.label || coarse;
      const group = element("optgroup", { label });
      if (types.size > 1 || !types.has(coarse)) {
        group.append(element("option", { value: coarse, text: `${label}, any kind (${total})` }));
      }
      for (const [type, count] of [...types].sort()) {
        group.append(element("option", { value: type, text: `${story.types.get(type)?.label || type} (${count})` }));
      }
      controls.type.append(group);
    }
    for (const control of [controls.entity, controls.type, controls.from, controls.to, controls.laneBy]) {
      control.addEventListener("change", draw);
    }
    controls.reset.addEventListener("click", () => {
      controls.entity.value = "";
      controls.type.value = "";
      controls.from.value = "";
      controls.to.value = "";
      draw();
      timeline?.fit();
    });
  }

  function matches(event) {
    const entity = controls.entity.value;
    const type = controls.type.value;
    const from = controls.from.value;
    const to = controls.to.value;
    if (entity && !event.names.has(entity)) return false;
    if (type && event.type !== type && event.coarse_type !== type) return false;
    if (from && event.latest && event.latest < from) return false;
    if (to && event.earliest && event.earliest > to) return false;
    return true;
  }

  // -- the timeline -------------------------------------------------------------------
  let timeline = null;
  const itemEvents = new Map();

  function itemFor(event, lane, key) {
    const disputed = event.disputed ? '<span class="mark-disputed" title="sources disagree on the date">⚠ </span>' : "";
    const content =
      `${disputed}<span class="mark-type">${escapeHtml(event.typeLabel)}</span> ` +
      `<span class="mark-date">${escapeHtml(shortWindow(event.earliest, event.latest))}</span>`;
    const classes = ["event", `event-${event.index}`];
    if (event.disputed) classes.push("disputed");
    const tooltip =
      `${event.label}\n${describeWindow(event.earliest, event.latest, event.precision)}` +
      ` (${event.precision} precision)\n${event.source_count} source${event.source_count === 1 ? "" : "s"}` +
      (event.disputed ? "\nSources disagree on the date" : "");
    const item = { id: key, group: lane, content, title: escapeHtml(tooltip) };
    if (event.earliest && event.latest && event.earliest === event.latest) {
      Object.assign(item, { type: "box", start: `${event.earliest}T12:00:00` });
      classes.push("day");
    } else if (event.earliest && event.latest) {
      Object.assign(item, { type: "range", start: event.earliest, end: addDays(event.latest, 1) });
      classes.push("window");
    } else if (event.latest) {
      Object.assign(item, { type: "range", start: story.extent.start, end: addDays(event.latest, 1) });
      classes.push("open-start");
    } else {
      Object.assign(item, { type: "range", start: event.earliest, end: story.extent.end });
      classes.push("open-end");
    }
    item.className = classes.join(" ");
    return item;
  }

  function bandsFor(lanes) {
    const bands = [];
    for (const [n, state] of story.states.entries()) {
      if (!lanes.has(state.subject_name) || !STATES.includes(state.state)) continue;
      const start = state.from_day || story.extent.start;
      const end = state.until_day || story.extent.end;
      if (start >= end) continue;
      const words = state.state.replace("_", " ");
      const by = state.started_by_label ? `, after “${state.started_by_label}”` : "";
      bands.push({
        id: `band-${n}`,
        group: state.subject_name,
        type: "background",
        start,
        end,
        className: `band band-${state.state}`,
        title: escapeHtml(
          `${state.subject_name}: ${words} under ${state.authority_name || "its authority"}` +
            ` ${describeWindow(state.from_day, state.until_day ? addDays(state.until_day, -1) : null)}${by}`,
        ),
      });
      if (state.from_earliest && state.from_latest && state.from_earliest !== state.from_latest) {
        bands.push({
          id: `band-${n}-change`,
          group: state.subject_name,
          type: "background",
          start: state.from_earliest,
          end: addDays(state.from_latest, 1),
          className: "band band-change",
          title: escapeHtml(
            `${state.subject_name} became ${words} on one day of ${describeWindow(state.from_earliest, state.from_latest)}`,
          ),
        });
      }
    }
    return bands;
  }

  function draw() {
    const laneBy = controls.laneBy.value;
    const shown = story.events.filter(matches);
    const dated = shown.filter((e) => e.earliest || e.latest);
    const firstDay = new Map();
    const items = [];
    itemEvents.clear();
    for (const event of dated) {
      for (const lane of lanesOf(event, laneBy)) {
        const key = `${event.index}|${lane}`;
        items.push(itemFor(event, lane, key));
        itemEvents.set(key, event);
        const day = event.earliest || event.latest;
        if (!firstDay.has(lane) || day < firstDay.get(lane)) firstDay.set(lane, day);
      }
    }
    const lanes = [...firstDay.keys()].sort(
      (a, b) => (a.startsWith("(") - b.startsWith("(")) || firstDay.get(a).localeCompare(firstDay.get(b)) || a.localeCompare(b),
    );
    const groups = lanes.map((lane, order) => ({ id: lane, content: escapeHtml(lane), order }));
    items.push(...bandsFor(new Set(lanes)));
    if (!timeline) {
      timeline = new vis.Timeline(document.getElementById("timeline"), new vis.DataSet(items), new vis.DataSet(groups), {
        groupOrder: "order",
        stack: true,
        orientation: { axis: "top" },
        margin: { item: { horizontal: 2, vertical: 6 } },
        selectable: true,
        multiselect: false,
        showCurrentTime: false,
        zoomKey: "ctrlKey",
        zoomMin: 1000 * 60 * 60 * 24 * 7,
        tooltip: { followMouse: true, overflowMethod: "cap" },
        start: story.extent?.start,
        end: story.extent?.end,
        verticalScroll: true,
        maxHeight: "75vh",
      });
      timeline.on("select", (properties) => {
        const event = itemEvents.get(properties.items[0]);
        if (event) showEvent(event);
      });
    } else {
      timeline.setData({ groups: new vis.DataSet(groups), items: new vis.DataSet(items) });
    }
    const undated = shown.filter((e) => !e.earliest && !e.latest);
    const list = document.getElementById("undated-list");
    list.replaceChildren(
      ...undated.map((event) => {
        const link = element("a", { href: "#", text: event.label });
        link.addEventListener("click", (click) => {
          click.preventDefault();
          showEvent(event);
        });
        return element("li", {}, link);
      }),
    );
    document.getElementById("undated").hidden = undated.length === 0;
    const sources = new Set(story.events.flatMap((e) => e.mentions.map((m) => m.document)));
    const filtered = shown.length === story.events.length ? "" : `; ${shown.length} shown on ${lanes.length} lanes`;
    document.getElementById("summary").textContent =
      `${story.events.length} policy events from ${sources.size} sources, reconciled across them${filtered}. ` +
      "A bar is a window: the event happened on one day of it.";
    document.body.dataset.lanes = String(lanes.length);
    document.body.dataset.events = String(shown.length);
  }

  // -- one event ----------------------------------------------------------------------
  function names(list) {
    return list.length ? list.map((p) => p.name).join(", ") : null;
  }

  function showEvent(event) {
    const panel = document.getElementById("details");
    const rows = [];
    const add = (term, ...content) => rows.push(element("dt", { text: term }), element("dd", {}, ...content));
    add("Type", `${event.typeLabel}`, element("span", { class: "muted", text: ` (${event.type}; filed under ${event.coarseLabel})` }));
    add("Who acted", names(event.agents) || "no one named");
    if (event.affected.length) add("On whom", names(event.affected));
    if (event.models.length) add("Models", names(event.models));
    const window = describeWindow(event.earliest, event.latest, event.precision);
    const range =
      event.earliest || event.latest ? ` — on one day between ${event.earliest || "an open start"} and ${event.latest || "an open end"}` : "";
    add("When", `${window}`, element("span", { class: "muted", text: ` (${event.precision} precision${range})` }));
    add("Why this date", whyList(event));
    const documents = [...new Set(event.mentions.map((m) => m.document))].sort();
    add(
      `Sources (${documents.length}; ${event.independent_sources} independent; confidence ${event.confidence})`,
      sourceList(event, documents),
    );
    const others = [...event.conflicts.values()].filter((c) => c.aspect !== "date");
    if (others.length) add("Sources disagree", element("ul", {}, ...others.map((c) => disagreement(c, ""))));
    panel.replaceChildren(element("h2", { text: event.label }), element("dl", {}, ...rows));
    panel.dataset.event = event.id;
  }

  function whyList(event) {
    const list = element("ul");
    const byDocument = new Map();
    for (const mention of event.mentions) {
      if (!byDocument.has(mention.document)) byDocument.set(mention.document, []);
      byDocument.get(mention.document).push(mention);
    }
    for (const [documentId, mentions] of [...byDocument].sort()) {
      const dated = mentions.filter((m) => m.earliest || m.latest);
      const windows = [...new Set(dated.map((m) => describeWindow(m.earliest, m.latest)))];
      const said = [];
      for (const row of event.dates.filter((d) => d.document === documentId)) {
        if (row.kind === "time") {
          const resolved = row.earliest || row.latest ? ` (${describeWindow(row.earliest, row.latest)})` : "";
          said.push(`“${row.words}”${resolved}`);
        } else {
          const lag =
            row.min_lag_days === null ? "" : row.min_lag_days === row.max_lag_days ? `, ${row.min_lag_days} days` : `, ${row.min_lag_days}–${row.max_lag_days} days`;
          const cue = row.words ? ` (“${row.words}”${lag})` : lag ? ` (${lag.slice(2)})` : "";
          said.push(`${row.relation} ${row.other_label || "another event"}${cue}`);
        }
      }
      const own = windows.length ? `dates it ${windows.join("; ")}` : "gives no date of its own";
      const text = `${documentId} ${own}${said.length ? `: ${said.join("; ")}` : ""}`;
      list.append(element("li", { class: "why-source", text }));
    }
    for (const conflict of event.conflicts.values()) {
      if (conflict.aspect === "date") list.append(disagreement(conflict, "warning"));
    }
    if (event.first_reported_earliest || event.first_reported_latest) {
      list.append(
        element("li", {
          text: `First reported ${describeWindow(event.first_reported_earliest, event.first_reported_latest)}.`,
          title:
            "The window is where the sources' dates meet, narrowed by what the texts say of the order of events and by when they were published.",
        }),
      );
    }
    return list;
  }

  function disagreement(conflict, className) {
    const claims = conflict.claims.map((c) => `${c.document}: ${c.value}`).join("; ");
    const text = `Sources disagree on the ${conflict.aspect}: ${claims}. ${conflict.resolution}.`;
    return element("li", { class: className, text });
  }

  function words(mention) {
    return (mention.quote || mention.text || "").trim().split(/\s+/).join(" ");
  }

  /** Mentions best first: asserted, naming the act rather than its instrument, in the text
   * rather than the headline, dated, earliest in the text. */
  function ranked(mentions, title, type) {
    const headline = (title || "").trim().split(/\s+/).join(" ");
    const key = (m) => [
      m.modality !== "asserted",
      m.type !== type,
      Boolean(headline) && words(m) === headline,
      !(m.earliest || m.latest),
      Number(m.start),
    ];
    return mentions.slice().sort((a, b) => {
      const [x, y] = [key(a), key(b)];
      for (let i = 0; i < x.length; i += 1) if (x[i] !== y[i]) return x[i] < y[i] ? -1 : 1;
      return 0;
    });
  }

  function sourceList(event, documents) {
    const list = element("ul", { class: "sources" });
    for (const documentId of documents) {
      const info = story.documents.get(documentId) || {};
      const mentions = event.mentions.filter((m) => m.document === documentId);
      const item = element("li", { class: "source" });
      const url = safeUrl(info.url);
      const title = info.title || documentId;
      item.append(url ? element("a", { href: url, target: "_blank", rel: "noopener", text: title }) : element("b", { text: title }));
      item.append(
        element("span", {
          class: "muted",
          text: ` (${documentId}, published ${describeWindow(info.published_earliest, info.published_latest)}${info.inferred ? ", inferred" : ""})`,
        }),
      );
      // The sentence that best reports the event first (as queries/timelinejs.py picks it),
      // the others folded away.
      const quotes = [...new Set(ranked(mentions, info.title, event.type).map(words))];
      if (quotes.length) item.append(element("blockquote", { text: `“${quotes[0]}”` }));
      if (quotes.length > 1) {
        const more = element("details", {}, element("summary", { text: `${quotes.length - 1} more sentence${quotes.length > 2 ? "s" : ""} of this source` }));
        for (const quote of quotes.slice(1)) more.append(element("blockquote", { text: `“${quote}”` }));
        item.append(more);
      }
      const attributed = [...new Set(mentions.map((m) => m.attributed_to).filter(Boolean))];
      if (attributed.length) item.append(element("div", { class: "muted", text: `attributed to ${attributed.join(", ")}` }));
      const hedged = [...new Set(mentions.map((m) => m.modality).filter((m) => m !== "asserted"))];
      if (hedged.length) item.append(element("div", { class: "muted", text: `reported as ${hedged.join(", ")}` }));
      list.append(item);
    }
    return list;
  }

  // -- the query box ------------------------------------------------------------------
  const box = {
    name: document.getElementById("query-name"),
    title: document.getElementById("query-title"),
    params: document.getElementById("query-params"),
    text: document.getElementById("query-text"),
    run: document.getElementById("query-run"),
    status: document.getElementById("query-status"),
    result: document.getElementById("query-result"),
  };
  const OWN = "";
  const ownExample =
    "PREFIX ptkg: <https://w3id.org/ptkg/vocab#>\nPREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n\n" +
    "SELECT ?event ?label WHERE {\n  ?event a ptkg:PolicyEvent ; rdfs:label ?label .\n}\nORDER BY ?label\nLIMIT 20\n";

  function namedQuery(name) {
    return config.index.find((q) => q.name === name);
  }

  function setupQueryBox() {
    box.name.append(element("option", { value: OWN, text: "SPARQL of my own" }));
    for (const query of config.index) {
      box.name.append(element("option", { value: query.name, text: query.name }));
    }
    if (config.mode === "static") {
      document.getElementById("query-offline").hidden = false;
      for (const control of [box.name, box.text, box.run]) control.disabled = true;
      box.text.value = ownExample;
      return;
    }
    box.name.addEventListener("change", chooseQuery);
    box.text.addEventListener("input", () => {
      if (box.name.value !== OWN && box.text.dataset.original !== box.text.value) {
        box.name.value = OWN;
        box.params.replaceChildren();
        box.title.textContent = "your own SPARQL (parameters are not bound)";
      }
    });
    box.run.addEventListener("click", runQueryBox);
    box.name.value = "timeline";
    chooseQuery();
  }

  async function chooseQuery() {
    const query = namedQuery(box.name.value);
    box.params.replaceChildren();
    if (!query) {
      box.title.textContent = "any SELECT, ASK, CONSTRUCT or DESCRIBE query";
      box.text.value = ownExample;
      box.text.dataset.original = box.text.value;
      return;
    }
    box.title.textContent = query.title;
    for (const parameter of query.parameters) {
      const input = element("input", {
        "data-param": parameter.name,
        type: parameter.type === "date" ? "date" : "text",
        placeholder: parameter.type,
        title: parameter.description,
        size: "18",
      });
      box.params.append(element("label", { title: parameter.description }, `${parameter.name}${parameter.required ? " *" : ""}`, input));
    }
    const text = await queryText(query.name);
    box.text.value = text;
    box.text.dataset.original = text;
  }

  /** A parameter's value as an RDF term, as the Python runner makes it (queries/runner.py). */
  async function term(parameter, raw) {
    const text = raw.trim();
    switch (parameter.type) {
      case "date":
        if (!/^\d{4}-\d{2}-\d{2}$/.test(text) || Number.isNaN(parseDay(text).getTime())) {
          throw new Error(`parameter ${parameter.name}: ${text} is not a valid date (YYYY-MM-DD)`);
        }
        return literal(text, XSD + "date");
      case "integer":
        if (!/^[+-]?\d+$/.test(text)) throw new Error(`parameter ${parameter.name}: ${text} is not a valid integer`);
        return literal(String(BigInt(text)), XSD + "integer");
      case "iri":
        return iri(text);
      case "event_type":
        return resolveEventType(text);
      case "entity":
        return resolveEntity(text);
      default:
        return literal(text);
    }
  }

  async function lookup(name, bindings) {
    const text = inlineValues(await queryText(`lookups/${name}`), bindings);
    return rows(await sparql(text));
  }

  async function resolveEventType(value) {
    const wanted = /^https?:\/\//.test(value) ? value : EVENT_TYPE_NS + value;
    const known = await lookup("event-type-ids", []);
    if (!known.some((row) => Object.values(row).includes(wanted))) {
      throw new Error(`no event type ${value} in this graph: the query event-types lists them`);
    }
    return iri(wanted);
  }

  async function resolveEntity(name) {
    if (/^(https?:\/\/|urn:)/.test(name)) return iri(name);
    const bound = [["name", literal(name)]];
    let found = [...(await lookup("entity-by-name", bound)), ...(await lookup("entity-by-alias", bound))];
    if (!found.length) found = await lookup("entity-any-case", bound);
    const entities = new Map(found.map((row) => {
      const values = Object.values(row);
      return [values[0], values[1]];
    }));
    if (!entities.size) throw new Error(`no entity is named ${name} in this graph (try the query entities)`);
    if (entities.size > 1) {
      const options = [...entities].map(([id, label]) => `${label} <${id}>`).join("; ");
      throw new Error(`${name} names several entities: ${options}. Give the IRI instead.`);
    }
    return iri([...entities.keys()][0]);
  }

  /** The text to send for a named query and its given parameters, and the columns to hide. */
  async function boundQuery(query, given) {
    const bindings = [];
    for (const parameter of query.parameters) {
      const raw = given[parameter.name];
      if (raw === undefined || raw.trim() === "") {
        if (parameter.required) throw new Error(`query ${query.name} needs the parameter ${parameter.name} (${parameter.description})`);
        continue;
      }
      bindings.push([parameter.name, await term(parameter, raw)]);
    }
    const text = textFor(await queryText(query.name), new Set(bindings.map(([name]) => name)));
    return { text: inlineValues(text, bindings), hidden: new Set(query.parameters.map((p) => p.name)) };
  }

  async function runQueryBox() {
    box.status.className = "";
    box.status.textContent = "running…";
    box.result.replaceChildren();
    box.run.disabled = true;
    const started = performance.now();
    try {
      const query = namedQuery(box.name.value);
      let text = box.text.value;
      let hidden = new Set();
      if (query) {
        const given = {};
        for (const input of box.params.querySelectorAll("input[data-param]")) given[input.dataset.param] = input.value;
        ({ text, hidden } = await boundQuery(query, given));
      }
      const results = unpacked(await sparql(text), query?.rows);
      const ms = Math.round(performance.now() - started);
      if (results.triples !== undefined) {
        const lines = results.triples.split("\n").filter(Boolean);
        box.result.append(element("pre", { text: results.triples }));
        box.status.textContent = `${lines.length} triples in ${ms} ms`;
      } else if (results.boolean !== undefined) {
        box.result.append(table(["answer"], [{ answer: results.boolean }]));
        box.status.textContent = `answered in ${ms} ms`;
      } else {
        const columns = results.head.vars.filter((v) => !hidden.has(v));
        const found = rows(results);
        box.result.append(table(columns, found));
        box.status.textContent = `${found.length} row${found.length === 1 ? "" : "s"} in ${ms} ms`;
      }
    } catch (error) {
      box.status.className = "error";
      box.status.textContent = error.message;
    } finally {
      box.run.disabled = false;
    }
  }

  function table(columns, found) {
    const head = element("tr", {}, ...columns.map((c) => element("th", { text: c })));
    const body = found.map((row) => element("tr", {}, ...columns.map((c) => element("td", { text: row[c] === null ? "" : String(row[c]) }))));
    return element("table", { class: "results" }, element("thead", {}, head), element("tbody", {}, ...body));
  }

  // -- start --------------------------------------------------------------------------
  async function start() {
    try {
      const names = config.page_queries;
      const answers = await Promise.all(names.map(pageResults));
      const results = Object.fromEntries(names.map((name, i) => [name, answers[i]]));
      buildStory(results);
      fillFilters();
      draw();
      // Ready once vis-timeline has drawn the items (it draws on the next frames).
      await new Promise((resolve) => {
        timeline.once("changed", resolve);
        setTimeout(resolve, 3000);
      });
      document.body.dataset.ready = "true";
    } catch (error) {
      const summary = document.getElementById("summary");
      summary.textContent = `The graph could not be read: ${error.message}`;
      summary.className = "warning";
      document.body.dataset.ready = "error";
    }
    setupQueryBox();
  }

  window.ptkg = { config, namedQuery, textFor, inlineValues, literal, boundQuery, describeWindow, story };
  start();
})();
