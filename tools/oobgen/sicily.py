"""Sicily, 10 July - 17 August 1943 (Operation Husky), regiment/brigade level.
Sources: /work/shared/history/husky.md; Garland & Smyth, *Sicily and the
Surrender of Italy*. Scale: docs/oob.md (5 km hexes, 24 h turns; turn 1 =
10 Jul, turn t = 9 + t July, turn 23 = 1 Aug, turn 39 = 17 Aug)."""

from oob import A, F, U, at_place, beach, drop, edge, port

STACKING = 9

HEADER = {
    "Allied": [
        "Sicily: Allied order of battle, 10 July - 17 August 1943 (turn 1 = 10 Jul).",
        "15th Army Group: US Seventh Army (II Corps, Provisional Corps) and British",
        "Eighth Army (XIII and XXX Corps), at regiment / brigade level.",
    ],
    "Axis": [
        "Sicily: Axis order of battle, 10 July - 17 August 1943.",
        "Italian 6th Army (XII and XVI Corps, coastal divisions, mobile groups, naval",
        "bases) and the German divisions (Hermann Goering, 15th and 29th Pz Gren,",
        "1st Fallschirmjaeger) under XIV Panzer Corps.",
    ],
}

# --------------------------------------------------------------- Allied

ALLIED_FORMATIONS = [
    F("15th_army_group", "15th Army Group (Alexander)", "Army"),
    F("seventh_army", "US Seventh Army (Patton)", "Army", "15th_army_group"),
    F("ii_corps", "US II Corps (Bradley)", "Corps", "seventh_army"),
    F("prov_corps", "US Provisional Corps (Keyes), formed ~18 Jul", "Corps", "seventh_army"),
    F("1st_inf_div", "US 1st Infantry Division (Allen)", "Division", "ii_corps"),
    F("45th_inf_div", "US 45th Infantry Division (Middleton)", "Division", "ii_corps"),
    F("9th_inf_div", "US 9th Infantry Division (Eddy)", "Division", "ii_corps"),
    F("3rd_inf_div", "US 3rd Infantry Division (Truscott)", "Division", "prov_corps"),
    F("2nd_armd_div", "US 2nd Armored Division (Gaffey)", "Division", "prov_corps"),
    F("82nd_abn_div", "US 82nd Airborne Division (Ridgway)", "Division", "prov_corps"),
    F("ranger_force", "Ranger Force: 1st, 3rd, 4th Ranger Bns (Darby)", "Regiment", "seventh_army"),
    F("eighth_army", "British Eighth Army (Montgomery)", "Army", "15th_army_group"),
    F("xiii_corps", "XIII Corps (Dempsey)", "Corps", "eighth_army"),
    F("xxx_corps", "XXX Corps (Leese)", "Corps", "eighth_army"),
    F("5th_div", "5th Infantry Division", "Division", "xiii_corps"),
    F("50th_div", "50th (Northumbrian) Division", "Division", "xiii_corps"),
    F("1st_abn_div", "1st Airborne Division (Hopkinson)", "Division", "eighth_army"),
    F("51st_div", "51st (Highland) Division (Wimberley)", "Division", "xxx_corps"),
    F("1st_cdn_div", "1st Canadian Infantry Division (Simonds)", "Division", "xxx_corps"),
    F("78th_div", "78th (Battleaxe) Division", "Division", "xxx_corps"),
]

RCT = "Regimental combat team: 3 battalions = 3 steps, attack/defence 6 (docs/oob.md)."
BDE = "Infantry brigade: 3 battalions = 3 steps, attack/defence 6, as a US RCT."
CDO = "Commando / Ranger battalion: 1 step, attack 3 (elite raiders), defence 2 (no heavy weapons)."
TRUSCOTT = " 3rd Div marched the 'Truscott trot' (4 mph): movement 7."


def rct(ident, name, parent, at, turn=1, mv=6, note="", alts=()):
    return U(ident, name, "US", parent, "infantry", "Regiment", 3, 6, 6, mv,
             arrive=A(turn, at, alts), note=RCT + note)


def bde(ident, name, nation, parent, at, turn=1, note="", alts=()):
    return U(ident, name, nation, parent, "infantry", "Brigade", 3, 6, 6, 6,
             arrive=A(turn, at, alts), note=BDE + note)


JOSS, DIME, CENT = beach("joss_licata"), beach("dime_gela"), beach("cent_scoglitti")
BARK_W, BARK_S, BARK_E = beach("bark_west"), beach("bark_south"), beach("bark_east")
ACID_N, ACID_S = beach("acid_north_avola"), beach("acid_south_cassibile")

ALLIED_UNITS = [
    # US II Corps
    rct("us_1id_16rct", "1st Inf Div / 16th RCT", "1st_inf_div", DIME, note=" Veteran of Tunisia."),
    rct("us_1id_26rct", "1st Inf Div / 26th RCT", "1st_inf_div", DIME, note=" Veteran of Tunisia."),
    rct("us_1id_18rct", "1st Inf Div / 18th RCT", "1st_inf_div", DIME, turn=1,
        note=" KOOL floating reserve, landed late on D-day (10 Jul: turn 1, issue 18; was turn 2)."),
    U("us_1rgr", "Ranger Force / 1st Ranger Bn", "US", "ranger_force", "commando", "Battalion", 1, 3, 2, 7,
      arrive=A(1, DIME), note=CDO + " Took Gela town."),
    U("us_4rgr", "Ranger Force / 4th Ranger Bn", "US", "ranger_force", "commando", "Battalion", 1, 3, 2, 7,
      arrive=A(1, DIME), note=CDO),
    rct("us_45id_157rct", "45th Inf Div / 157th RCT", "45th_inf_div", CENT, note=" First action for the 45th."),
    rct("us_45id_179rct", "45th Inf Div / 179th RCT", "45th_inf_div", CENT, note=" First action for the 45th."),
    rct("us_45id_180rct", "45th Inf Div / 180th RCT", "45th_inf_div", CENT,
        note=" Landed at the Acate mouth on 10 Jul, the three RCTs abreast (Garland & Smyth ch. VI; issue 18: was 11 Jul); fought the HG east task force."),
    U("us_ii_corps_art", "II Corps Artillery", "US", "ii_corps", "artillery", "Brigade", 2, 5, 2, 10, comp=[("medium_artillery", 2)],
      arrive=A(3, DIME, [CENT]), note="Corps 155 mm groups; supports attacks from 2 hexes."),
    rct("us_9id_39rct", "9th Inf Div / 39th RCT", "9th_inf_div", port("licata"), turn=6, alts=[JOSS],
        note=" Follow-up; landed at Licata ~15 Jul."),
    rct("us_9id_47rct", "9th Inf Div / 47th RCT", "9th_inf_div", port("palermo"), turn=20,
        alts=[port("licata"), JOSS], note=" Shipped to Palermo late July; fought at Troina."),
    rct("us_9id_60rct", "9th Inf Div / 60th RCT", "9th_inf_div", port("palermo"), turn=22,
        alts=[port("licata"), JOSS], note=" Arrived ~31 Jul; flanked Troina through the mountains."),
    U("fr_4tabor", "4th Moroccan Tabor (goumiers)", "FR", "9th_inf_div", "infantry", "Battalion", 1, 3, 2, 7, comp=[("light", 1)], quality="elite",
      arrive=A(16, port("palermo"), [port("licata"), JOSS]),
      note="French mountain infantry attached to the 9th Div at Troina: 1 step of light infantry, elite (goums), attack 3, moves well in hills."),
    # Provisional Corps (under Seventh Army directly until ~18 Jul)
    rct("us_3id_7rct", "3rd Inf Div / 7th RCT", "3rd_inf_div", JOSS, mv=7, note=TRUSCOTT),
    rct("us_3id_15rct", "3rd Inf Div / 15th RCT", "3rd_inf_div", JOSS, mv=7, note=TRUSCOTT),
    U("us_3id_30rct", "3rd Inf Div / 30th RCT (-2nd Bn)", "US", "3rd_inf_div", "infantry", "Regiment", 2, 4, 4, 7,
      arrive=A(1, JOSS), note=RCT + TRUSCOTT + " Its 2nd Battalion is a counter of its own: Patton's end runs took it round the German flank by sea."),
    U("us_3id_2_30", "3rd Inf Div / 2nd Bn, 30th Infantry", "US", "3rd_inf_div", "infantry", "Battalion", 1, 2, 2, 7,
      arrive=A(1, JOSS), note="Lt. Col. Lyle Bernard's battalion: with the 30th RCT until the craft take it off for the north-coast end runs (events in the scenario file)." + TRUSCOTT),
    # The north-coast end runs (issue 18; events `end_run_sant_agata` and
    # `end_run_brolo` in the scenario file). Seventh Army had craft for one
    # reinforced battalion: the 2nd Bn, 30th Infantry with a battery of the
    # 58th Armored Field Artillery Bn, a platoon of tanks and engineers
    # (Garland & Smyth, the north-coast fighting of August; husky.md). It landed east of Sant'Agata before
    # dawn on 8 August, behind the San Fratello line, and at Brolo before
    # dawn on 11 August, behind the Naso ridge. The counters come on only
    # when their event fires.
    U("us_3id_bernard_1", "Bernard's force (2/30th Inf), Sant'Agata landing", "US", "3rd_inf_div", "infantry", "Battalion", 1, 2, 2, 7,
      arrive=A(30, at_place("sant_agata_di_militello")),
      note="2nd Bn, 30th Infantry with a battery of the 58th Armored FA Bn and a tank platoon: landed east of Sant'Agata, 8 Aug. 1 rifle step."),
    U("us_3id_bernard_2", "Bernard's force (2/30th Inf), Brolo landing", "US", "3rd_inf_div", "infantry", "Battalion", 1, 2, 2, 7,
      arrive=A(33, at_place("brolo")),
      note="The same battalion group, re-embarked: landed at Brolo, 11 Aug, and held Monte Cipolla against the 29th PzGr until the 3rd Div broke through on 12 Aug. 1 rifle step."),
    U("us_3rgr", "Ranger Force / 3rd Ranger Bn", "US", "ranger_force", "commando", "Battalion", 1, 3, 2, 7,
      arrive=A(1, JOSS), note=CDO + " With the 3rd Div at Licata; later took Porto Empedocle."),
    U("us_2ad_cca", "2nd Armd Div / Combat Command A", "US", "2nd_armd_div", "armour", "Brigade", 3, 8, 6, 10, comp=[("tank", 2), ("panzergrenadier", 1)],
      arrive=A(1, JOSS, [DIME]),
      note="Two tank battalions of the 66th Armd Regt and a battalion of armoured infantry: 3 steps, 8/6. Attached to 3rd Div at Licata."),
    U("us_2ad_ccb", "2nd Armd Div / Combat Command B", "US", "2nd_armd_div", "armour", "Brigade", 3, 8, 6, 10, comp=[("tank", 2), ("panzergrenadier", 1)],
      arrive=A(2, DIME, [CENT]), note="With the 18th RCT (KOOL force); fought at Piano Lupo 12 Jul."),
    U("us_2ad_ccr", "2nd Armd Div / Reserve Combat Command and 82nd Recon Bn", "US", "2nd_armd_div", "armour", "Brigade", 2, 6, 4, 12,
      arrive=A(3, DIME, [JOSS]), note="Division reserve and armoured reconnaissance: fast, 2 steps. Led the dash to Palermo."),
    U("us_82ab_505", "82nd Abn Div / 505th Parachute Combat Team (with 3/504)", "US", "82nd_abn_div", "airborne", "Regiment", 3, 6, 5, 6,
      arrive=A(1, drop("husky_no_1_505th_pir"), night=True),
      note="Husky No. 1, night 9/10 Jul, ~3,400 men scattered over 50 miles: 3 steps, defence 5 (light weapons)."),
    U("us_82ab_504", "82nd Abn Div / 504th PIR (-3rd Bn)", "US", "82nd_abn_div", "airborne", "Regiment", 2, 4, 3, 6,
      arrive=A(2, drop("husky_no_2_farello"), night=True),
      note="Husky No. 2, night 11/12 Jul, ~2,000 men; 23 transports shot down by friendly fire: 2 steps."),
    # British XIII Corps
    bde("uk_5div_13bde", "5th Div / 13th Bde", "UK", "5th_div", ACID_S),
    bde("uk_5div_15bde", "5th Div / 15th Bde", "UK", "5th_div", ACID_S, turn=2),
    bde("uk_5div_17bde", "5th Div / 17th Bde", "UK", "5th_div", ACID_S, note=" Took Syracuse on D-day."),
    U("uk_3cdo", "No. 3 Commando", "UK", "xiii_corps", "commando", "Battalion", 1, 3, 2, 7,
      arrive=A(1, ACID_S), note=CDO + " Silenced the Cassibile batteries; took the Malati bridge 13/14 Jul."),
    bde("uk_50div_69bde", "50th Div / 69th Bde", "UK", "50th_div", ACID_N),
    bde("uk_50div_151bde", "50th Div / 151st Bde", "UK", "50th_div", ACID_N),
    bde("uk_50div_168bde", "50th Div / 168th Bde", "UK", "50th_div", port("syracuse"), turn=4, alts=[ACID_N],
        note=" Follow-up brigade, landed 13 Jul."),
    U("uk_4armd", "4th Armoured Bde", "UK", "xiii_corps", "armour", "Brigade", 3, 9, 6, 10,
      arrive=A(2, ACID_N, [ACID_S]), note="Three Sherman regiments: 3 tank steps, 9/6 (the formula, docs/oob.md; was 7/5)."),
    U("uk_xiii_art", "XIII Corps Artillery (AGRA)", "UK", "xiii_corps", "artillery", "Brigade", 2, 5, 2, 10, comp=[("medium_artillery", 2)],
      arrive=A(3, ACID_N, [ACID_S]), note="Medium regiments; the artillery that opened the Simeto crossings."),
    U("uk_1ab_1alb", "1st Abn Div / 1st Airlanding Bde", "UK", "1st_abn_div", "glider", "Brigade", 3, 6, 5, 6,
      arrive=A(1, drop("ladbroke_ponte_grande"), night=True, glider=True),
      note="Operation Ladbroke: ~2,075 men in 144 gliders, 65 came down in the sea, 87 men reached Ponte Grande. 3 steps before losses."),
    U("uk_1ab_1parabde", "1st Abn Div / 1st Parachute Bde", "UK", "1st_abn_div", "airborne", "Brigade", 3, 6, 5, 6,
      arrive=A(4, drop("fustian_primosole"), night=True),
      note="Operation Fustian, night 13/14 Jul: ~295 of 1,856 men reached Primosole bridge."),
    # British XXX Corps
    # The 51st's assault wave was the 153rd and 154th Brigades; the 152nd
    # followed (issue 18; was 152nd first).
    bde("uk_51div_152bde", "51st (Highland) Div / 152nd Bde", "UK", "51st_div", BARK_S, turn=2, note=" Follow-up brigade."),
    bde("uk_51div_153bde", "51st (Highland) Div / 153rd Bde", "UK", "51st_div", BARK_S, note=" Assault wave."),
    bde("uk_51div_154bde", "51st (Highland) Div / 154th Bde", "UK", "51st_div", BARK_E, alts=[BARK_S], note=" Assault wave."),
    bde("uk_231bde", "231st (Malta) Bde", "UK", "xxx_corps", BARK_E, note=" Independent brigade; landed at Marzamemi."),
    U("uk_23armd", "23rd Armoured Bde", "UK", "xxx_corps", "armour", "Brigade", 3, 9, 6, 10,
      arrive=A(3, BARK_S, [BARK_E]), note="Valentine/Sherman regiments supporting the 51st Div."),
    U("uk_xxx_art", "XXX Corps Artillery (AGRA)", "UK", "xxx_corps", "artillery", "Brigade", 2, 5, 2, 10, comp=[("medium_artillery", 2)],
      arrive=A(4, BARK_S, [port("syracuse")]), note="Medium regiments; fired the Gerbini and Centuripe attacks."),
    bde("ca_1bde", "1st Cdn Div / 1st Cdn Bde", "CA", "1st_cdn_div", BARK_W, note=" First action, but well trained."),
    bde("ca_2bde", "1st Cdn Div / 2nd Cdn Bde", "CA", "1st_cdn_div", BARK_W,
        note=" Assaulted with the 1st Bde on 10 Jul (Nicholson, *The Canadians in Italy*, ch. III; issue 18: was 11 Jul)."),
    bde("ca_3bde", "1st Cdn Div / 3rd Cdn Bde", "CA", "1st_cdn_div", BARK_W, turn=3, alts=[BARK_S]),
    U("ca_1tank", "1st Cdn Tank Bde", "CA", "1st_cdn_div", "armour", "Brigade", 3, 9, 6, 10,
      arrive=A(4, BARK_W, [BARK_S]), note="Three Rivers, Calgary and Ontario Regts (Shermans)."),
    U("uk_40rm", "40 (RM) Commando", "UK", "xxx_corps", "commando", "Battalion", 1, 3, 2, 7,
      arrive=A(1, BARK_W), note=CDO + " Landed on the Canadian left."),
    U("uk_41rm", "41 (RM) Commando", "UK", "xxx_corps", "commando", "Battalion", 1, 3, 2, 7,
      arrive=A(1, BARK_W, [BARK_S]), note=CDO),
    bde("uk_78div_11bde", "78th Div / 11th Bde", "UK", "78th_div", port("syracuse"), turn=16,
        alts=[port("augusta"), ACID_N], note=" Landed 25 Jul; Centuripe 2-3 Aug."),
    bde("uk_78div_36bde", "78th Div / 36th Bde", "UK", "78th_div", port("syracuse"), turn=16,
        alts=[port("augusta"), ACID_N]),
    bde("uk_78div_38bde", "78th Div / 38th (Irish) Bde", "UK", "78th_div", port("syracuse"), turn=19,
        alts=[port("augusta"), ACID_N], note=" Landed 28 Jul (turn 19; issue 18: was turn 17); stormed Centuripe."),
    U("uk_srs", "Special Raiding Squadron (Mayne)", "UK", "xiii_corps", "commando", "Battalion", 1, 3, 2, 7,
      arrive=A(1, ACID_S), note=CDO + " ~280 men of 1st SAS, under a full step: took the Capo Murro di Porco batteries on 10 Jul and landed at Augusta on 12 Jul (issue 18)."),
]

# --------------------------------------------------------------- Axis

AXIS_FORMATIONS = [
    F("6th_army", "Italian 6th Army (Guzzoni, HQ Enna)", "Army"),
    F("xii_corps", "XII Corps (Arisio, then Zingales; HQ Corleone)", "Corps", "6th_army"),
    F("xvi_corps", "XVI Corps (Rossi; HQ Piazza Armerina)", "Corps", "6th_army"),
    F("xiv_pz_corps", "XIV Panzer Corps (Hube), from 16 Jul", "Corps", "6th_army"),
    F("livorno", "4th Infantry Division 'Livorno'", "Division", "xvi_corps"),
    F("napoli", "54th Infantry Division 'Napoli'", "Division", "xvi_corps"),
    F("206th_coastal", "206th Coastal Division (HQ Modica)", "Division", "xvi_corps"),
    F("213th_coastal", "213th Coastal Division", "Division", "xvi_corps"),
    F("assietta", "26th Infantry Division 'Assietta'", "Division", "xii_corps"),
    F("aosta", "28th Infantry Division 'Aosta'", "Division", "xii_corps"),
    F("202nd_coastal", "202nd Coastal Division", "Division", "xii_corps"),
    F("207th_coastal", "207th Coastal Division", "Division", "xii_corps"),
    F("208th_coastal", "208th Coastal Division", "Division", "xii_corps"),
    F("navy_bases", "Naval bases (Piazze Militari Marittime)", "Corps", "6th_army"),
    F("hg_div", "Hermann Goering Panzer Division (Conrath)", "Division", "xiv_pz_corps"),
    F("15th_pzgr", "15th Panzergrenadier Division (Rodt)", "Division", "xiv_pz_corps"),
    F("1st_fj", "1st Fallschirmjaeger Division (Heidrich)", "Division", "xiv_pz_corps"),
    F("29th_pzgr", "29th Panzergrenadier Division (Fries)", "Division", "xiv_pz_corps"),
]

IT_INF = ("Italian infantry regiment (binary division): 3 steps but attack 3 defence 4 - "
          "few anti-tank guns, old artillery, almost no transport, poor morale by 1943.")
LIVORNO = ("Livorno: the best Italian field division, ~12,500 men, nominally motorised, well led: "
           "attack/defence 4, still below a US RCT's 6.")
IT_ART = "Divisional artillery regiment: 75/100 mm guns, largely horse-drawn: 2 steps, movement 6 on foot."
COASTAL = ("Coastal sector: reservists in fixed positions with old guns, no transport, "
           "surrendered in thousands on D-day: static, attack 1, defence 1 a step (coastal quality, 50%).")
MOBILE = ("Mobile group: a motorised battalion with a company of R35 or Fiat 3000 light tanks and 47 mm guns: "
          "1 step, attack 3, fast.")
PZGR = "Panzergrenadier regiment: 3 battalions on trucks and half-tracks, strong in MGs and anti-tank guns: attack/defence 7."
FJ = ("Fallschirmjaeger regiment: light infantry (no guns heavier than mortars on the drop) of elite quality "
      "(Crete veterans, 130%): 3 steps, 8/7 (docs/oob.md; was 6/8).")


def it_inf(ident, name, parent, near, liv=False, note=""):
    a = 4 if liv else 3
    return U(ident, name, "IT", parent, "infantry", "Regiment", 3, a, 4, 6, near=near,
             comp=[("rifle", 3)] if liv else None, note=(LIVORNO if liv else IT_INF) + note)


def it_art(ident, name, parent, near):
    return U(ident, name, "IT", parent, "artillery", "Regiment", 2, 3, 1, 6, near=near, note=IT_ART, cls="Foot")


def coastal(ident, name, parent, near, steps=2, note=""):
    return U(ident, name, "IT", parent, "coastal", "Regiment", steps, 1, steps, 1, near=near, note=COASTAL + note)


def mobile(ident, name, near, note=""):
    return U(ident, name, "IT", "6th_army", "motorised", "Battalion", 1, 3, 2, 12, near=near,
             comp=[("mobile_group", 1)], note=MOBILE + note)


AXIS_UNITS = [
    # XVI Corps (east)
    it_inf("it_liv_33", "Livorno / 33rd Infantry Regt", "livorno", "mazzarino", liv=True),
    it_inf("it_liv_34", "Livorno / 34th Infantry Regt", "livorno", "gela@-2,-3", liv=True,
           note=" Counterattacked Gela 10-11 Jul."),
    it_art("it_liv_28art", "Livorno / 28th Artillery Regt", "livorno", "mazzarino@1,1"),
    it_inf("it_nap_75", "Napoli / 75th Infantry Regt", "napoli", "palazzolo_acreide"),
    it_inf("it_nap_76", "Napoli / 76th Infantry Regt", "napoli", "vizzini"),
    it_art("it_nap_54art", "Napoli / 54th Artillery Regt", "napoli", "palazzolo_acreide@-1,0"),
    coastal("it_206_cent", "206th Coastal Div / Scoglitti-Vittoria sector", "206th_coastal", "scoglitti"),
    coastal("it_206_ragusa", "206th Coastal Div / Ragusa-Modica sector", "206th_coastal", "modica"),
    coastal("it_206_pachino", "206th Coastal Div / Pachino sector", "206th_coastal", "pachino"),
    coastal("it_206_avola", "206th Coastal Div / 430th Coastal Bn, Avola-Cassibile sector", "206th_coastal", "cassibile",
            note=" The 430th held the Acid strongpoints."),
    coastal("it_429_gela", "429th Coastal Bn (Gela)", "xvi_corps", "gela", steps=1),
    coastal("it_213_catania", "213th Coastal Div / Catania sector", "213th_coastal", "catania@0,1"),
    coastal("it_213_acireale", "213th Coastal Div / Acireale-Riposto sector", "213th_coastal", "acireale"),
    coastal("it_xviii_bde", "XVIII Coastal Bde", "xvi_corps", "gela@1,-1",
            note=" The Gela sector, with the 429th Coastal Bn in the town (Garland & Smyth ch. V; issue 18: was placed on the Catania plain)."),
    coastal("it_xix_bde", "XIX Coastal Bde", "xvi_corps", "priolo",
            note=" Augusta-Syracuse sector."),
    mobile("it_gm_d", "Mobile Group D", "caltagirone"),
    mobile("it_gm_e", "Mobile Group E", "niscemi", note=" Broke into Gela on 10 Jul."),
    mobile("it_gm_f", "Mobile Group F", "ragusa@0,-1"),
    mobile("it_gm_g", "Mobile Group G", "vizzini@-1,-1"),
    mobile("it_gm_h", "Mobile Group H", "lentini"),
    U("it_nembo", "185th 'Nembo' Parachute Regt (elements)", "IT", "6th_army", "airborne", "Battalion", 1, 2, 2, 6, quality="regular",
      near="catania@-1,-1", note="Italian paratroopers, one battalion on the island: 1 step of light infantry, volunteers trained as the Allied paratroopers (regular quality, not the 67% of the conscript divisions)."),
    # XII Corps (west)
    it_inf("it_ass_29", "Assietta / 29th Infantry Regt", "assietta", "castelvetrano"),
    it_inf("it_ass_30", "Assietta / 30th Infantry Regt", "assietta", "castelvetrano@2,-1"),
    it_art("it_ass_25art", "Assietta / 25th Artillery Regt", "assietta", "castelvetrano@1,-2"),
    it_inf("it_aos_5", "Aosta / 5th Infantry Regt", "aosta", "alcamo", note=" Later fought well at Troina."),
    it_inf("it_aos_6", "Aosta / 6th Infantry Regt", "aosta", "trapani@2,1"),
    it_art("it_aos_22art", "Aosta / 22nd Artillery Regt", "aosta", "alcamo@-1,1"),
    coastal("it_207_licata", "207th Coastal Div / 538th Coastal Bn, Licata sector", "207th_coastal", "licata",
            note=" Counterattacked Licata airfield on D-day."),
    coastal("it_207_agrigento", "207th Coastal Div / Agrigento-Porto Empedocle sector", "207th_coastal", "porto_empedocle"),
    coastal("it_207_sciacca", "207th Coastal Div / Sciacca sector", "207th_coastal", "sciacca"),
    coastal("it_208_marsala", "208th Coastal Div / Marsala-Mazara sector", "208th_coastal", "marsala"),
    coastal("it_208_castellammare", "208th Coastal Div / Castellammare sector", "208th_coastal", "partinico"),
    coastal("it_202_palermo", "202nd Coastal Div / Palermo sector", "202nd_coastal", "palermo@1,0"),
    coastal("it_202_termini", "202nd Coastal Div / Termini-Cefalu sector", "202nd_coastal", "termini_imerese"),
    mobile("it_gm_a", "Mobile Group A", "trapani@3,0"),
    mobile("it_gm_b", "Mobile Group B", "castelvetrano@0,1"),
    mobile("it_gm_c", "Mobile Group C", "canicatti"),
    U("it_177_bers", "177th Bersaglieri Regt", "IT", "xii_corps", "motorised", "Regiment", 2, 3, 3, 10, comp=[("rifle", 2)],
      near="ribera", note="Bicycle/motorcycle infantry, army troops: 2 steps, attack 3."),
    U("it_10_bers", "10th Bersaglieri Regt", "IT", "xii_corps", "motorised", "Regiment", 2, 3, 3, 10, comp=[("rifle", 2)],
      near="corleone@0,-1", note="Army reserve near Palermo: 2 steps, attack 3."),
    # Naval bases
    U("it_pmm_augusta", "Naval Base Augusta-Syracuse", "IT", "navy_bases", "garrison", "Brigade", 2, 1, 3, 1,
      near="augusta", note="Fortress of coastal batteries and naval infantry; its commander blew up the guns and it fell in days: static, defence 3 (2 steps)."),
    U("it_pmm_syracuse", "Naval Base Augusta-Syracuse / Syracuse garrison", "IT", "navy_bases", "garrison", "Battalion", 1, 1, 2, 1,
      near="syracuse", note="Fell to the 5th Div on D-day."),
    U("it_pmm_trapani", "Naval Base Trapani", "IT", "navy_bases", "garrison", "Brigade", 2, 1, 3, 1,
      near="trapani", note="Surrendered 23 Jul."),
    U("it_pmm_messina", "Naval Base Messina-Reggio", "IT", "navy_bases", "garrison", "Brigade", 3, 2, 5, 1,
      near="messina", note="Strait batteries and garrison; protects the evacuation port."),
    # Hermann Goering Pz Div
    U("de_hg_pzregt", "HG Pz Div / Panzer Regiment HG", "DE", "hg_div", "armour", "Regiment", 3, 9, 6, 10,
      near="caltagirone", note="Two battalions of Pz III/IV (~90 tanks): 3 steps, attack 9, defence 6 (tanks are poor at holding ground)."),
    U("de_hg_pzgr", "HG Pz Div / Panzergrenadier Regt HG", "DE", "hg_div", "mechanised", "Regiment", 2, 5, 5, 12,
      near="caltagirone@1,1", note="Only two battalions had reached Sicily: 2 steps."),
    U("de_504_tigers", "s.Pz.Abt. 504 / 2nd Coy (Tigers)", "DE", "hg_div", "armour", "Company", 1, 5, 5, 8, comp=[("heavy_tank", 1)],
      near="caltagirone@0,1", note="17 Tigers, 15 running on 10 Jul, 10 lost 11-12 Jul mostly to breakdowns: 1 strong, slow step."),
    U("de_hg_art", "HG Pz Div / Panzer Artillery Regt HG", "DE", "hg_div", "artillery", "Regiment", 2, 4, 2, 10,
      near="caltagirone@-1,0", note="Motorised 105/150 mm battalions."),
    U("de_hg_recon", "HG Pz Div / Panzer Recon Bn HG", "DE", "hg_div", "recon", "Battalion", 1, 2, 2, 14,
      near="caltagirone@0,-1", note="Armoured cars: fast, fragile."),
    U("de_kg_schmalz", "HG Pz Div / Kampfgruppe Schmalz", "DE", "hg_div", "mechanised", "Regiment", 2, 5, 5, 12,
      near="catania@-1,1", note="Two HG battalions with flak and artillery at Catania: held the Simeto line until the paratroopers came."),
    # 15th Pz Gren Div (west on 10 Jul)
    U("de_15_104", "15th PzGr Div / 104th PzGr Regt", "DE", "15th_pzgr", "mechanised", "Regiment", 3, 7, 7, 12,
      near="castelvetrano@2,0", note=PZGR),
    U("de_15_115", "15th PzGr Div / 115th PzGr Regt", "DE", "15th_pzgr", "mechanised", "Regiment", 3, 7, 7, 12,
      near="canicatti@0,-1", note=PZGR),
    U("de_15_129", "15th PzGr Div / 129th PzGr Regt", "DE", "15th_pzgr", "mechanised", "Regiment", 3, 7, 7, 12,
      near="corleone", note=PZGR + " Held Troina with the Aosta battalions, 31 Jul - 6 Aug."),
    U("de_15_215pz", "15th PzGr Div / 215th Panzer Bn", "DE", "15th_pzgr", "armour", "Battalion", 2, 6, 4, 10,
      near="lercara_friddi", note="~60 tanks: 2 tank steps, 6/4."),
    U("de_15_33art", "15th PzGr Div / 33rd Artillery Regt", "DE", "15th_pzgr", "artillery", "Regiment", 2, 4, 2, 10,
      near="corleone@1,1", note="Motorised artillery."),
    # 1st Fallschirmjaeger Div: by air to the Catania plain
    U("de_fj_3", "1st FJ Div / 3rd Fallschirmjaeger Regt", "DE", "1st_fj", "airborne", "Regiment", 3, 8, 7, 6, quality="elite",
      arrive=A(3, drop("fallschirmjaeger_drops_catania")), note=FJ + " Jumped south of Catania on 12 Jul."),
    U("de_fj_mg", "1st FJ Div / 1st Parachute MG Bn", "DE", "1st_fj", "airborne", "Battalion", 1, 1, 3, 6, comp=[("machine_gun", 1)], quality="elite",
      arrive=A(4, drop("fallschirmjaeger_drops_catania")), note="Dropped at Primosole on 13 Jul, hours before the British paratroopers: a machine-gun battalion, elite: 1/3."),
    U("de_fj_4", "1st FJ Div / 4th Fallschirmjaeger Regt", "DE", "1st_fj", "airborne", "Regiment", 3, 8, 7, 6, quality="elite",
      arrive=A(5, drop("fallschirmjaeger_drops_catania"), [port("messina")]), note=FJ),
    # 29th Pz Gren Div: across the strait from ~16 Jul
    U("de_xiv_hq", "XIV Panzer Corps HQ (Hube)", "DE", "xiv_pz_corps", "hq", "Corps", 1, 1, 1, 12,
      arrive=A(7, port("messina"), [edge("reggio")]), note="Took over the German conduct of the battle on 16 Jul."),
    U("de_29_15", "29th PzGr Div / 15th PzGr Regt", "DE", "29th_pzgr", "mechanised", "Regiment", 3, 7, 7, 12,
      arrive=A(7, port("messina"), [edge("reggio")]), note=PZGR + " To the north coast (San Fratello line)."),
    U("de_29_71", "29th PzGr Div / 71st PzGr Regt", "DE", "29th_pzgr", "mechanised", "Regiment", 3, 7, 7, 12,
      arrive=A(8, port("messina"), [edge("reggio")]), note=PZGR),
    U("de_29_129pz", "29th PzGr Div / 129th Panzer Bn", "DE", "29th_pzgr", "armour", "Battalion", 2, 6, 4, 10,
      arrive=A(9, port("messina"), [edge("reggio")]), note="Assault guns and tanks: 2 steps."),
    U("de_29_29art", "29th PzGr Div / 29th Artillery Regt", "DE", "29th_pzgr", "artillery", "Regiment", 2, 4, 2, 10,
      arrive=A(9, port("messina"), [edge("reggio")]), note="Motorised artillery."),
]

# One rating per unit (issue 18): the German units carry their docs/oob.md
# ratings, the same as in the Gela scenario on the same days. The blanket
# "German defence +6" calibration (was +1, then +4, then +6) is gone; the
# German divisions' stubbornness on the ridge lines comes from the terrain
# (hills -2, mountains -3, rivers -1), the withdrawal plan's lines and the
# Allies' supply capacity, not from their counters.
