"""The named SPARQL queries, one ``.rq`` file each. A file's header comments give its
description, its parameters (bound as VALUES rows, see ``kg.bindings``) and its columns;
``queries.library`` reads them and ``ptkg query --list`` shows them."""
