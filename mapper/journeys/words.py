"""The journeys lexicon: general English word sets and tables, not any article's words."""

from __future__ import annotations

import re

from mapper import dates

MOTION_VERBS = {
    "anchor", "arrive", "berth", "board", "call", "come", "continue", "cross", "cruise",
    "depart", "detour", "disembark", "divert", "dock", "drive", "embark", "enter", "fly", "get",
    "go", "head", "hop", "jet", "journey", "land", "leave", "make", "march", "meet", "moor",
    "motor", "move", "pass", "proceed", "push", "race", "reach", "relocate", "reroute",
    "return", "ride", "roll", "sail", "set", "shuttle", "speed", "stay", "steam", "stop",
    "swing", "touch", "tour", "transfer", "transit", "travel", "visit", "walk",
    "bound", "flee", "escape", "emigrate", "immigrate", "migrate", "deploy", "redeploy",
    "settle", "sink", "capsize",  # a vessel's last place ("sank off the coast of X")
    "trek", "hike", "trudge", "wade", "swim", "paddle", "cycle", "hitchhike", "drift",
    "advance",  # on foot, by oar or pedal; columns advancing toward X
}
# Verbs that move their object ("evacuated 300 residents to Lyon") or, in the passive, their
# subject ("was airlifted to Lyon"): the one carried is the mover.
TRANSPORT_VERBS = {"evacuate", "airlift", "transport", "ferry", "deport", "repatriate",
                   "extradite", "fly", "drive", "take", "bring", "carry", "send", "rush",
                   "escort", "tow", "move", "transfer", "shuttle", "relocate", "ship",
                   "resettle", "bus"}
# Verbs that place who or what was seen ("columns were seen near X", "the balloon was spotted
# over Y"): in the passive, the subject was there; a stop beside a trip, no journey alone
SIGHTING_VERBS = {"see", "spot", "sight", "observe", "photograph", "film", "detect", "track",
                  # ... and those that stop a fugitive where they are ("was caught in X",
                  # "was arrested near Y"): where the flight ended
                  "catch", "recapture", "apprehend", "nab", "arrest", "capture"}
PASSENGER_VERBS = {"carry", "transport", "ferry", "bring"}  # "the plane carrying A B"
# Showing up somewhere ("then appeared in X", "resurfaced in Y"): a stop beside a trip
PRESENCE_VERBS = {"appear", "reappear", "resurface", "surface", "emerge"}
# "changed planes in X": a stop on the way (read as "stop")
VEHICLE_CHANGE_VERBS = {"change", "switch", "swap"}
# Verbs whose object is the one who arrived ("crowds greeted the king at the station").
GREETING_VERBS = {"greet", "welcome", "receive", "meet", "cheer", "salute"}
# Report verbs that, with a future, announce a plan ("the ministry said she would fly to X")
# rather than relay a claim; media and sources relay claims whatever the verb.
ANNOUNCE_VERBS = {"say", "announce", "confirm", "tell", "state", "add"}
SOURCE_NOUNS = {"source", "report", "media", "newspaper", "paper", "agency", "outlet",
                "witness", "resident", "analyst", "observer", "tabloid", "broadcaster"}
# People a person's possessive names ("his wife", "Ana Silva's aide"): someone else.
KIN_NOUNS = {"wife", "husband", "son", "daughter", "father", "mother", "parent", "brother",
             "sister", "child", "grandson", "granddaughter", "grandmother", "grandfather", "uncle",
             "aunt", "nephew", "niece", "cousin", "friend", "girlfriend", "boyfriend", "fiancee",
             "fiance", "partner", "spouse", "widow", "aide", "assistant", "adviser", "advisor",
             "spokesman", "spokeswoman", "spokesperson", "lawyer", "attorney", "director",
             "secretary", "deputy", "colleague", "bodyguard", "driver", "chief", "manager",
             "agent", "mom", "dad", "sibling", "relative", "companion", "boss", "employee"}
# People named by what a verb did to them ("the evacuees"): the group that verb moved
ROLE_VERBS = {"evacuee": "evacuate", "deportee": "deport", "detainee": "detain"}
START_VERBS = {"begin", "start", "open", "kick"}  # "open a road trip in X", "kick off a tour"
# Things carried on a journey of their own ("the Olympic torch arrived in X", "the body of the
# former president was flown to Y")
THING_MOVERS = {"torch", "flame", "body", "remains", "coffin", "casket", "relic", "relics"}
LIFE_MOVES = {"move", "relocate", "emigrate", "immigrate", "migrate", "settle", "resettle",
              "flee"}  # a change of home a birthplace leads to
SOMEONE_NOUNS = {"man", "woman", "boy", "girl", "teenager", "teen",  # one unnamed person
                 "prisoner", "inmate", "convict", "escapee", "fugitive", "suspect"}
SHARE_WORDS = {"many", "most", "some", "several", "others"}  # a share of the group just named
# Participles that hold a traveller in a place ("tourists stranded in Bali flew home", "two
# Americans detained in Russia were flown home"): where the trip told beside them set out from.
STRANDING_VERBS = {"strand", "trap", "maroon", "stick", "quarantine"}
# Where a vessel or its people are, said with "be" ("was adrift off X", "is aground near Y"):
# a stop of the drift
ADRIFT_WORDS = {"adrift", "aground", "afloat", "ashore", "becalmed"}
# What a vessel strikes when it runs aground ("struck a reef off X", "hit a sandbar near Y"),
# and the words that put the place it struck it at (mapper.journeys.grounding)
GROUNDING_HAZARDS = {"reef", "sandbar", "sandbank", "shoal", "rock", "rocks", "iceberg"}
GROUNDING_PREPS = {"off", "near", "at", "on", "in", "outside", "over", "into"}
# ... and, only as a participle on the noun, those that detain ("was held in X" alone may
# come after the trip)
DETENTION_VERBS = {"detain", "hold", "imprison", "jail", "kidnap", "abduct", "capture",
                   "arrest"}
INSTITUTION_NOUNS = {"center", "centre", "hospital", "clinic", "university", "college", "school",
                     "office", "headquarters", "embassy", "consulate", "hotel", "prison", "jail",
                     "base", "museum", "church", "airport", "station", "stadium", "arena",
                     "camp", "resort", "home", "residence", "ranch", "villa", "field"}
FAILING_HEADS = {"fail", "refuse", "decline", "unable", "forget", "neglect"}
OBTAIN_VERBS = {"land", "win", "secure", "earn", "lose", "sign", "offer", "sell"}
SCHOOL_NOUNS = {"school", "college", "university", "class", "course", "seminary", "academy"}
ENDING_VERBS = {"cut", "end", "interrupt", "abandon", "break", "quit"}  # "cut short his trip"
REDIRECT_VERBS = {"divert", "reroute", "redirect"}  # "the flight to X was diverted to Y"
DRIVER_VERBS = {"drive", "fly", "take", "bring", "sail"}
SETTING_OUT_VERBS = {"leave", "depart", "head", "sail", "set", "steam", "board", "embark",
                     "make", "bound", "flee", "escape"}
# Where a traveller does what they came for ("held talks in X", "will perform in X", "play in
# X"): a stop beside a trip, no journey alone
MEETING_VERBS = {"meet", "hold", "attend", "host", "perform", "play", "campaign"}
# What a visitor holds where they stop ("holding rallies in X", "will have talks in Y"), and the
# verbs that hold one: with such an object they are "hold"
EVENT_NOUNS = {"rally", "event", "talk", "talks", "meeting", "summit", "ceremony", "concert",
               "speech", "conference", "briefing", "roundtable", "forum", "gig", "performance",
               "mass"}
EVENT_HOLDERS = {"have", "stage", "give", "deliver", "headline", "celebrate", "lead"}
# A place set beside a name for its point on a trip ("X, the starting point of the tour")
ROUTE_POINTS = {"starting point": "origin", "start": "origin", "departure point": "origin",
                "point of departure": "origin", "starting line": "origin",
                "first stop": "dest", "final stop": "dest", "last stop": "dest",
                "next stop": "dest", "final destination": "dest", "destination": "dest",
                "first leg": "dest", "terminus": "dest", "end point": "dest",
                "finishing point": "dest", "finish line": "dest"}
SETTING_OFF_VERBS = {"set", "leave", "depart", "embark", "head"}  # off on a trip
TRAVEL_NOUNS = {"march", "trek", "hike", "walk", "chase", "pilgrimage", "expedition", "cruise",
                "drive", "ride", "sail", "crossing", "stop", "visit", "trip", "journey", "tour",
                "voyage", "flight", "arrival", "departure", "stopover", "destination", "leg",
                "port", "call", "layover", "landing", "holiday", "vacation", "honeymoon",
               "landfall"}
CAUSE_VERBS = {"get", "persuade", "convince", "encourage", "urge", "help", "allow"}
SEPARATE_TRIP_NOUNS = {"trip", "vacation", "holiday", "pilgrimage", "expedition"}  # plural
DEST_PREPS = {"to", "toward", "towards", "into", "for", "onto", "in", "at", "near", "on", "off"}
VIA_PREPS = {"through", "via", "across", "past", "over", "along", "around"}
ORIGIN_PREPS = {"from", "out"}
OBJECT_ORIGIN_VERBS = {"leave", "depart", "exit", "quit", "flee", "escape"}
OBJECT_DEST_VERBS = {"visit", "reach", "enter", "tour", "cross", "make", "board"}
ARRIVAL_PREPS_ONLY = {"in", "at", "on", "near", "off"}  # only after verbs of arriving or staying
ARRIVAL_VERBS = {"enter", "arrive", "land", "stop", "stay", "dock", "call", "meet", "hold",
                 "attend", "host", "perform", "play", "campaign", "berth", "anchor", "moor",
                 "touch", "be", "disembark", "set", "get", "greet", "welcome", "receive",
                 "cheer", "salute", "sink", "capsize", "drift",  # "drifting off X": there
                 "visit", "tour", "settle", "resettle",  # "visited the school in X"
                 "spend",  # "spent two years in X" (with a span of time)
                 *SIGHTING_VERBS, *PRESENCE_VERBS,
                 "pull", "put"}  # "pulled up in X", "put in at X" (with the particle)
# Verbs of motion only with their particle ("took off from X", "the ship pulled in at Y")
PHRASAL_MOTION = {("take", "off"), ("pull", "up"), ("pull", "in"), ("pull", "out"),
                  ("put", "in"), ("touch", "down")}
BELIEF_VERBS = {"believe", "think", "suspect", "hope", "fear", "assume", "suppose", "speculate",
                "guess", "dream", "imagine"}
REPORT_VERBS = BELIEF_VERBS | {
    "say", "report", "tell", "announce", "claim", "cite", "quote", "state", "add", "confirm",
    "believe", "suggest", "indicate", "write", "reveal", "show"}
HABIT_ADVERBS = {"weekly", "daily", "monthly", "yearly", "annually", "nightly", "regularly",
                 "routinely", "often", "frequently", "usually", "habitually", "sometimes",
                 "occasionally", "seldom", "rarely"}
RECENT_DAY_WORDS = {*dates.WEEKDAYS, "today", "yesterday", "tonight", "overnight", "week"}
PREVIOUS_ADVERBS = {"last", "previously", "formerly", "once"}  # "last visited X in 2013"
SPECULATION_MODALS = {"could", "might", "may"}
SPECULATION_WORDS = {"unclear", "uncertain", "possibly", "perhaps", "likely", "unconfirmed",
                     "rumored", "rumoured", "speculation", "speculated", "maybe", "probably"}
FUTURE_WORDS = {"will", "shall", "'ll", "’ll"}
# Adverbs that hedge a clause: what is only inferred, and what others claim
HEDGE_ADVERBS = {"apparently": "speculated", "seemingly": "speculated",
                 "presumably": "speculated", "reportedly": "reported", "allegedly": "reported",
                 "purportedly": "reported", "supposedly": "reported"}
PLAN_HEADS = {"plan", "expect", "schedule", "intend", "due", "set", "hope", "want", "prepare",
              "aim", "seek", "propose"}
PLAN_ADJECTIVES = {"next", "expected", "planned", "scheduled", "upcoming", "proposed",
                   "possible", "likely", "final", "future"}
GROUP_NOUNS = {
    "official": "officials", "officer": "officials", "delegation": "delegation",
    "delegate": "delegation", "diplomat": "diplomats", "envoy": "diplomats", "troop": "troops",
    "soldier": "troops", "force": "troops", "team": "team", "crew": "crew", "minister":
    "ministers", "leader": "leaders", "tourist": "tourists", "passenger": "passengers",
    "pilgrim": "pilgrims", "refugee": "refugees", "migrant": "migrants", "athlete": "team",
    "player": "team", "expert": "experts", "inspector": "inspectors", "sailor": "crew",
    "resident": "residents", "civilian": "civilians", "evacuee": "evacuees", "villager":
    "villagers", "survivor": "survivors", "asylum-seeker": "asylum seekers", "seeker":
    "asylum seekers", "immigrant": "migrants", "family": "family", "hostage": "hostages",
    "prisoner": "prisoners", "patient": "patients", "student": "students", "worker": "workers",
    "citizen": "citizens", "national": "citizens", "peacekeeper": "troops", "marine": "troops",
    "paratrooper": "troops", "fan": "fans", "supporter": "fans", "climber": "climbers",
    "explorer": "explorers", "astronaut": "crew", "cosmonaut": "crew", "suspect": "suspects",
    "detainee": "detainees", "deportee": "deportees", "couple": "couple", "pair": "couple",
    "hiker": "hikers", "walker": "walkers", "trekker": "hikers", "backpacker": "tourists",
    # people named by kind alone ("moved the women to X"); not "people", mostly generic
    "man": "men", "woman": "women", "boy": "children", "girl": "children", "child": "children",
    "squad": "team", "band": "band",
    "mercenary": "troops", "fighter": "troops", "militant": "militants", "rebel": "rebels",
    "insurgent": "rebels", "guerrilla": "rebels", "militiaman": "militants", "column": "troops",
    "marcher": "marchers", "protester": "protesters", "demonstrator": "protesters",
    "inmate": "prisoners", "convict": "prisoners", "escapee": "prisoners",
    "fugitive": "fugitives", "cyclist": "cyclists",
}
VEHICLES = {
    "train": "rail", "locomotive": "rail", "railcar": "rail", "plane": "air", "jet": "air",
    "aircraft": "air", "airliner": "air", "helicopter": "air", "flight": "air", "ship": "sea",
    "vessel": "sea", "boat": "sea", "ferry": "sea", "tanker": "sea", "freighter": "sea",
    "carrier": "sea", "yacht": "sea", "warship": "sea", "destroyer": "sea", "frigate": "sea",
    "submarine": "sea", "liner": "sea", "containership": "sea", "motorcade": "road",
    "convoy": "road", "car": "road", "bus": "road", "truck": "road", "limousine": "road",
    "flotilla": "sea", "dinghy": "sea", "raft": "sea", "minibus": "road",
    "fleet": "sea", "trawler": "sea", "lifeboat": "sea", "barge": "sea", "tugboat": "sea",
    "van": "road", "lorry": "road", "ambulance": "road", "taxi": "road",
    "balloon": "air", "airship": "air", "airplane": "air", "aeroplane": "air",
    "jetliner": "air", "seaplane": "air", "icebreaker": "sea", "sailboat": "sea",
    "catamaran": "sea", "schooner": "sea", "steamer": "sea", "cutter": "sea",
    "submersible": "sea", "canoe": "sea", "kayak": "sea", "cruiser": "sea",
}
VERB_MODES = {"fly": "air", "jet": "air", "land": "air", "sail": "sea", "steam": "sea",
              "dock": "sea", "berth": "sea", "cruise": "sea", "moor": "sea", "drive": "road",
              "motor": "road", "bus": "road", "airlift": "air"}
PEOPLE_NOUNS = {"man", "woman", "leader", "visitor", "secretary", "minister", "president",
                "official", "delegate", "diplomat", "envoy", "guest"}
# Offices whose holder a text may name by the office alone ("the Iranian president")
OFFICE_NOUNS = {"president", "premier", "chancellor", "minister", "king", "queen", "pope",
                "pontiff", "prince", "princess", "emperor", "empress", "monarch", "governor",
                "mayor", "senator", "ambassador", "secretary"}
PLACE_NOUNS = {"city", "town", "port", "capital", "hub", "village", "region", "province", "state",
               "island", "area", "republic", "country", "county", "district", "outskirts",
               "suburb", "resort", "harbor", "harbour", "enclave", "territory", "peninsula",
               "coast", "shore", "border", "frontier", "station", "airport"}
QUANTITY_NOUNS = {"hundred", "thousand", "dozen", "million", "score", "group", "number",
                  "crowd", "busload", "planeload", "boatload", "handful", "caravan"}
PLACE_ENTS = {"GPE", "LOC", "FAC"}
# A part of a place its possessor names by compass ("in Tasmania's north-east": Tasmania)
COMPASS_PARTS = {"north", "south", "east", "west", "northeast", "northwest", "southeast",
                 "southwest"}
# A present motion only through or across a place: where the mover is now ("they trudge
# through X"), not a timetable's stop
PASSING_PREPS = {"through", "across"}
# "a long way still ahead through X", "the journey ahead to Y": a route still to travel
AHEAD_NOUNS = {"way", "journey", "trip", "trek", "road", "route", "walk", "voyage", "mile",
               "kilometer", "kilometre"}
# "hope for a new life in X", "in search of a better life in Y", "seeking a new life in Z"
LIFE_WORDS = {"new", "better"}
LIFE_GOAL_WORDS = {"hope", "search", "seek", "dream", "quest", "pursuit", "pursue", "look"}
# Taking a place by force: the group that did it was there ("rebels seized the airport in X")
OCCUPATION_VERBS = {"occupy", "seize", "storm", "overrun"}
# What a group occupies: a building or a settlement (not goods: "seized weapons in X")
SEIZED_NOUNS = INSTITUTION_NOUNS | PLACE_NOUNS | {
    "building", "hq", "parliament", "ministry", "palace", "compound", "barracks", "garrison",
    "checkpoint", "bridge", "square", "outpost", "post", "facility", "plant", "complex"}
HONORIFICS = {"mr", "mrs", "ms", "miss", "dr", "sir", "dame", "madam"}
HONORIFIC_GENDER = {"mr": "m", "sir": "m", "mrs": "f", "ms": "f", "miss": "f", "dame": "f",
                    "madam": "f"}
PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "himself": "m", "she": "f", "her": "f",
                  "hers": "f", "herself": "f"}
WATER = {"ocean", "sea", "gulf", "bay", "strait", "lake", "river", "canal"}
BORDER_WORDS = re.compile(r"\b[Tt]he\s+((?:border|frontier)(?:\s+(?:crossing|post|"
                          r"station|bridge|checkpoint))?)\b(?!\s+(?:with|between|of)\b)")
# Undated events keep the text's order: a later sentence by POSITION_STEP per character, the
# next place in the same sentence by SENTENCE_STEP, far less than one character.
POSITION_STEP = 1e-7
SENTENCE_STEP = 1e-9
STATUS_RANK = {"confirmed": 3, "planned": 2, "reported": 1, "speculated": 0}
# The dependents that belong to a noun's own phrase ("four U.S. Chinook helicopters")
NP_DEPS = {"det", "amod", "compound", "nummod", "poss", "case", "quantmod", "nmod", "punct",
           "advmod"}
DIRECTION_WORDS = {"on", "onward", "onwards", "back", "home", "away", "north", "south", "east",
                   "west", "northward", "southward", "eastward", "westward", "inland", "abroad"}
# A verb's places in the order of travel: the start, the places passed, the end
ROLE_RANK = {"origin": 0, "via": 1, "crossing": 1, "dest": 2}
# Animals tracked on a journey of their own ("a tagged whale arrived off X"); a species
# named otherwise counts when the text calls it one of these ("a petrel, a seabird")
ANIMAL_NOUNS = {"animal", "bird", "whale", "shark", "turtle", "seal", "dolphin", "orca",
                "bear", "wolf", "elephant", "lion", "tiger", "leopard", "crocodile", "alligator",
                "moose", "elk", "eagle", "stork", "crane", "goose", "swan", "albatross",
                "falcon", "osprey", "penguin", "salmon", "butterfly", "walrus", "manatee",
                "tortoise", "caribou", "reindeer", "seabird", "shorebird", "songbird", "cub",
                "calf", "pup"}
# Storms move too: a storm named with its kind ("Hurricane Ana", "Typhoon Kai") is the same
# storm when the text says the name alone, "the storm" or "it"; what it strikes is where it
# was ("battered X", "caused flooding in Y", "made landfall near Z").
STORM_NAMED = re.compile(
    r"\b(?:(?:Super\s+)?Typhoon|Hurricane|(?:Tropical\s+|Severe\s+|Winter\s+)?(?:Cyclone|Storm)"
    r"|Superstorm|Tropical\s+Depression)\s+(?!(?:Warnings?|Watch(?:es)?|Cent(?:er|re)|Season|"
    r"Hunters?|Conditions|Force|Strength|Surge|Prediction|Relief|Shelter|Damage|Names|Local|"
    r"Category|Preparedness|Tracker|Advisory|Advisories)\b)([A-Z][a-z]+)\b")
STORM_NOUNS = {"hurricane", "typhoon", "cyclone", "storm", "superstorm", "depression"}
STORM_PARTS = {"eye", "center", "centre", "core", "remnant", "remnants"}  # "the storm's eye"
STORM_VERBS = {"hit", "strike", "batter", "lash", "pound", "slam", "devastate", "ravage",
               "pummel", "rake", "drench", "flood", "brush", "sweep", "cause", "bring", "wreak",
               "churn", "barrel", "plow", "roar", "skirt", "graze"}
STORM_PREPS = {"in", "on", "over", "near", "across", "through", "along", "into", "onto"}

# Trips a sea's name can qualify ("a Mediterranean cruise", "a Baltic voyage"): the sea is
# the trip's area, no stop of it
AREA_TRIP_NOUNS = {"cruise", "voyage", "crossing", "trip", "tour", "holiday", "vacation",
                   "expedition", "journey", "sail"}

# Unions the readers test at every token or verb, made once here rather than at each test
VEHICLE_OR_THING = frozenset(VEHICLES) | THING_MOVERS  # a vehicle or a thing that is moved
VEHICLE_OR_TRAVEL = frozenset(VEHICLES) | TRAVEL_NOUNS  # "took a train", "took a cruise"
# a verb that moves or places its subject ("flew", "met", "began a tour", "appeared")
PLACING_VERBS = frozenset(MOTION_VERBS | MEETING_VERBS | START_VERBS | PRESENCE_VERBS)
TRANSPORT_OR_GREETING = frozenset(TRANSPORT_VERBS | GREETING_VERBS)  # moves its object
CARRIED_OR_SEEN = TRANSPORT_OR_GREETING | SIGHTING_VERBS  # passive: the subject moved or seen
FUTURE_AUXES = frozenset(FUTURE_WORDS | SPECULATION_MODALS | {"would"})
PHRASAL_VERBS = frozenset(verb for verb, _ in PHRASAL_MOTION)  # checked before the particle
PLACE_OR_INSTITUTION = frozenset(PLACE_NOUNS | INSTITUTION_NOUNS)  # "Airport" read as a town
