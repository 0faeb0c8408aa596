"""Salerno, 9-18 September 1943 (Operation Avalanche).
Sources: /work/shared/history/avalanche.md; Blumenson, *Salerno to Cassino*.
Scale: docs/oob.md (2 km hexes, 12 h turns; turn 1 = 9 Sep 06:00, turn t
begins 9 Sep 06:00 + 12(t-1) h: turn 9 = 13 Sep 06:00, turn 10 = night 13/14,
turn 11 = 14 Sep, turn 12 = night 14/15, turn 13 = 15 Sep)."""

from oob import A, F, U, beach, drop, edge, edge_near, port

STACKING = 6

HEADER = {
    "Allied": [
        "Salerno: Allied order of battle, 9-18 September 1943 (turn 1 = 9 Sep 06:00).",
        "US Fifth Army (Clark): US VI Corps at Paestum, British X Corps on the",
        "northern beaches, Rangers at Maiori, Commandos at Vietri, 82nd Airborne.",
    ],
    "Axis": [
        "Salerno: German order of battle, 9-18 September 1943 (the Italians",
        "had signed the armistice). Tenth Army (Vietinghoff): 16th Panzer Div",
        "in place; Hermann Goering, 15th and 29th Pz Gren, 26th Panzer and 3rd",
        "Pz Gren elements arriving from the north, east and south.",
    ],
}

ALLIED_FORMATIONS = [
    F("fifth_army", "US Fifth Army (Clark)", "Army"),
    F("vi_corps", "US VI Corps (Dawley)", "Corps", "fifth_army"),
    F("x_corps", "British X Corps (McCreery)", "Corps", "fifth_army"),
    F("36th_inf_div", "US 36th Infantry Division (Walker)", "Division", "vi_corps"),
    F("45th_inf_div", "US 45th Infantry Division (Middleton)", "Division", "vi_corps"),
    F("82nd_abn_div", "US 82nd Airborne Division (Ridgway)", "Division", "fifth_army"),
    F("46th_div", "46th Infantry Division", "Division", "x_corps"),
    F("56th_div", "56th (London) Infantry Division", "Division", "x_corps"),
    F("7th_armd_div", "7th Armoured Division", "Division", "x_corps"),
    F("ranger_force", "Ranger Force (Darby)", "Regiment", "x_corps"),
    F("special_service_bde", "2nd Special Service Bde (Commandos)", "Brigade", "x_corps"),
    F("eighth_army", "British Eighth Army (Montgomery), from Calabria", "Army"),
    F("xiii_corps", "XIII Corps (Dempsey)", "Corps", "eighth_army"),
    F("5th_div", "5th Infantry Division", "Division", "xiii_corps"),
]

RCT = "Regimental combat team: 3 battalions = 3 steps, attack/defence 6 (docs/oob.md)."
BDE = "Infantry brigade: 3 battalions = 3 steps, attack/defence 6, as a US RCT."
CDO = "Ranger / Commando battalion: 1 step, attack 3, defence 2, moves well in the mountains."
RED, GREEN, YELLOW, BLUE = beach("red"), beach("green"), beach("yellow"), beach("blue")
UNCLE, SUGAR, ROGER = beach("uncle"), beach("sugar"), beach("roger")


def rct(ident, name, parent, turn, at, alts=(), note=""):
    return U(ident, name, "US", parent, "infantry", "Regiment", 3, 6, 6, 6, arrive=A(turn, at, alts), note=RCT + note)


def bde(ident, name, parent, turn, at, alts=(), note=""):
    return U(ident, name, "UK", parent, "infantry", "Brigade", 3, 6, 6, 6, arrive=A(turn, at, alts), note=BDE + note)


ALLIED_UNITS = [
    # US VI Corps at Paestum
    rct("us_36id_141rct", "36th Inf Div / 141st RCT", "36th_inf_div", 1, YELLOW, [BLUE],
        note=" First action; assault at 03:30 without preliminary bombardment."),
    rct("us_36id_142rct", "36th Inf Div / 142nd RCT", "36th_inf_div", 1, RED, [GREEN], note=" First action."),
    rct("us_36id_143rct", "36th Inf Div / 143rd RCT", "36th_inf_div", 1, GREEN, [RED], note=" Second wave, ashore on 9 Sep (Blumenson ch. V; issue 18: was turn 2)."),
    U("us_36id_art", "36th Inf Div / Division Artillery", "US", "36th_inf_div", "artillery", "Regiment", 2, 4, 2, 10,
      arrive=A(2, BLUE, [YELLOW]), note="The 158th and 189th FA Bns stopped the 13 Sep attack at the Calore bridge firing over open sights."),
    U("us_751tk", "751st Tank Bn", "US", "36th_inf_div", "armour", "Battalion", 1, 3, 2, 10,
      arrive=A(2, YELLOW, [RED]), note="Independent Sherman battalion with the 36th Div: 1 tank step, 3/2."),
    rct("us_45id_179rct", "45th Inf Div / 179th RCT", "45th_inf_div", 3, RED, [GREEN],
        note=" Floating reserve, landed 10 Sep into the Sele-Calore corridor."),
    rct("us_45id_157rct", "45th Inf Div / 157th RCT", "45th_inf_div", 5, RED, [GREEN],
        note=" Landed 11 Sep; fought for the tobacco factory."),
    U("us_191tk", "191st Tank Bn", "US", "45th_inf_div", "armour", "Battalion", 1, 3, 2, 10,
      arrive=A(5, GREEN, [RED]), note="Independent tank battalion with the 45th Div: 1 tank step, 3/2."),
    U("us_45id_art", "45th Inf Div / Division Artillery", "US", "45th_inf_div", "artillery", "Regiment", 2, 4, 2, 10,
      arrive=A(5, YELLOW, [BLUE]), note="Four FA battalions."),
    rct("us_45id_180rct", "45th Inf Div / 180th RCT", "45th_inf_div", 11, RED, [GREEN],
        note=" Still at sea on 13 Sep; landed 14 Sep."),
    U("us_82ab_504", "82nd Abn Div / 504th PIR", "US", "82nd_abn_div", "airborne", "Regiment", 3, 6, 5, 6,
      arrive=A(10, drop("82nd_airborne_dz_paestum"), night=True),
      note="Dropped inside the beachhead on the night of 13/14 Sep, marked by burning petrol cans: 3 steps."),
    U("us_82ab_505", "82nd Abn Div / 505th PIR", "US", "82nd_abn_div", "airborne", "Regiment", 3, 6, 5, 6,
      arrive=A(12, drop("82nd_airborne_dz_paestum"), night=True), note="Dropped night 14/15 Sep."),
    U("us_509pib", "2nd Bn 509th Parachute Infantry", "US", "82nd_abn_div", "airborne", "Battalion", 1, 2, 2, 6,
      arrive=A(12, drop("509th_pib_dz_avellino"), night=True),
      note="~600 men dropped 15-25 km around Avellino behind German lines to cut the roads: 1 step."),
    # Rangers and Commandos
    U("us_1rgr", "Ranger Force / 1st Ranger Bn", "US", "ranger_force", "commando", "Battalion", 1, 3, 2, 7,
      arrive=A(1, beach("maiori_rangers")), note=CDO + " Took the Chiunzi pass by mid-morning."),
    U("us_3rgr", "Ranger Force / 3rd Ranger Bn", "US", "ranger_force", "commando", "Battalion", 1, 3, 2, 7,
      arrive=A(1, beach("maiori_rangers")), note=CDO),
    U("us_4rgr", "Ranger Force / 4th Ranger Bn", "US", "ranger_force", "commando", "Battalion", 1, 3, 2, 7,
      arrive=A(1, beach("maiori_rangers")), note=CDO),
    U("uk_2cdo", "No. 2 Commando", "UK", "special_service_bde", "commando", "Battalion", 1, 3, 2, 7,
      arrive=A(1, beach("vietri_commandos")), note=CDO + " Took Vietri and held the road to Salerno."),
    U("uk_41rm", "41 (RM) Commando", "UK", "special_service_bde", "commando", "Battalion", 1, 3, 2, 7,
      arrive=A(1, beach("vietri_commandos")), note=CDO),
    # British X Corps
    bde("uk_46div_128bde", "46th Div / 128th (Hampshire) Bde", "46th_div", 1, UNCLE),
    bde("uk_46div_138bde", "46th Div / 138th Bde", "46th_div", 1, UNCLE, note=" Cleared Salerno town."),
    bde("uk_46div_139bde", "46th Div / 139th Bde", "46th_div", 2, UNCLE, [SUGAR]),
    bde("uk_56div_167bde", "56th Div / 167th Bde", "56th_div", 1, SUGAR, [ROGER],
        note=" Took Montecorvino airfield; lost a Royal Fusiliers battalion at Battipaglia 12 Sep."),
    bde("uk_56div_169bde", "56th Div / 169th (Queen's) Bde", "56th_div", 1, ROGER, [SUGAR]),
    bde("uk_56div_201gds", "56th Div / 201st Guards Bde", "56th_div", 2, ROGER, [SUGAR], note=" Veteran Guards."),
    U("uk_greys", "Royal Scots Greys", "UK", "56th_div", "armour", "Battalion", 1, 3, 2, 10,
      arrive=A(2, SUGAR, [ROGER]), note="Sherman regiment with the 56th Div: 1 tank step, 3/2."),
    U("uk_x_art", "X Corps Artillery (AGRA)", "UK", "x_corps", "artillery", "Brigade", 2, 5, 2, 10, comp=[("medium_artillery", 2)],
      arrive=A(3, UNCLE, [SUGAR]), note="Medium regiments."),
    U("uk_7ad_22armd", "7th Armd Div / 22nd Armoured Bde", "UK", "7th_armd_div", "armour", "Brigade", 3, 8, 6, 10, comp=[("tank", 2), ("rifle", 1)],
      arrive=A(13, UNCLE, [SUGAR, port("salerno")]), note="The Desert Rats: two tank regiments and a motor battalion (1st Rifle Brigade); first elements landed 15 Sep."),
    U("uk_7ad_131bde", "7th Armd Div / 131st (Queen's) Lorried Bde", "UK", "7th_armd_div", "motorised", "Brigade", 3, 6, 6, 12,
      arrive=A(15, UNCLE, [SUGAR, port("salerno")]), note=BDE + " Lorried infantry."),
]

# No per-scenario bonus or malus (issue 18): every rating follows the
# formula in docs/oob.md (tools/oobgen/oob.py `ratings`). The 36th
# Division's "first action -1" and the assault infantry's "attack -1"
# (calibration, removed) are replaced by their causes: what came ashore when
# (the arrival schedule below and the beach capacity in the scenario file)
# and the gap between the corps (Blumenson, *Salerno to Cassino*, ch. VIII).

# Eighth Army's approach (issue 18, critical 3). XIII Corps crossed to
# Reggio on 3 September (Operation Baytown) and came north through Calabria
# slowly, held up more by LXXVI Panzer Corps' demolitions than by fighting;
# its patrols met Fifth Army's south of the bay on 16 September
# (/work/shared/history/avalanche.md; Blumenson ch. VIII). The 5th
# Division's leading brigade group comes in from the south edge on 16
# September (turn 15, 06:00), behind the German left: a threat to the rear
# of the 29th Panzergrenadiers rather than a reinforcement of the
# beachhead. Ratings by the formula, as every unit.
ALLIED_UNITS.append(
    U("uk_5div_lead", "5th Div / leading brigade group (Eighth Army)", "UK", "5th_div", "infantry", "Brigade",
      3, 6, 6, 6, arrive=A(15, edge_near("south", "roccadaspide"), [edge("south")]),
      note=BDE + " Eighth Army's patrols made contact with Fifth Army on 16 Sep.")
)

AXIS_FORMATIONS = [
    F("tenth_army", "German Tenth Army (Vietinghoff)", "Army"),
    F("xiv_pz_corps", "XIV Panzer Corps (Balck, acting)", "Corps", "tenth_army"),
    F("lxxvi_pz_corps", "LXXVI Panzer Corps (Herr)", "Corps", "tenth_army"),
    F("16th_pz", "16th Panzer Division (Sieckenius)", "Division", "lxxvi_pz_corps"),
    F("hg_div", "Hermann Goering Panzer Division", "Division", "xiv_pz_corps"),
    F("15th_pzgr", "15th Panzergrenadier Division", "Division", "xiv_pz_corps"),
    F("3rd_pzgr", "3rd Panzergrenadier Division", "Division", "xiv_pz_corps"),
    F("29th_pzgr", "29th Panzergrenadier Division", "Division", "lxxvi_pz_corps"),
    F("26th_pz", "26th Panzer Division (without its tank regiment)", "Division", "lxxvi_pz_corps"),
    F("1st_fj", "1st Fallschirmjaeger Division", "Division", "lxxvi_pz_corps"),
]

PZGR = "Panzergrenadier regiment: attack/defence 7 at 3 steps (MG- and anti-tank-heavy, trucked)."
KG = "16th Pz Div was spread in four Kampfgruppen along 30 km of coast; each got one of its regiments or battalions here."
POINT = "Coastal strongpoints taken over from the Italians on 8 Sep and manned by a few 16th Pz companies: static, 1 step."
NORTH, EAST, SOUTH, WEST = edge("north"), edge("east"), edge("south"), edge("west")
# Entry roads: Naples-Nocera (north), the coast road from Naples past Vesuvius
# (west), Avellino (north), Potenza-Contursi (east), Calabria via Roccadaspide
# (south).
FROM_NOCERA = edge_near("north", "nocera_inferiore")
FROM_NAPLES = edge_near("west", "torre_del_greco")
FROM_AVELLINO = edge_near("north", "avellino")
FROM_POTENZA = edge_near("east", "contursi")
FROM_CALABRIA = edge_near("south", "roccadaspide")

AXIS_UNITS = [
    # 16th Panzer Division, in place
    U("de_16_2pz", "16th Pz Div / 2nd Panzer Regt (I Abt)", "DE", "16th_pz", "armour", "Regiment", 2, 6, 4, 10,
      near="persano@0,-1", note="Only one tank battalion (the other converting to Panthers), ~80 Pz IV and assault guns: 2 tank steps, 6/4. " + KG),
    U("de_16_64", "16th Pz Div / 64th PzGr Regt", "DE", "16th_pz", "mechanised", "Regiment", 3, 7, 7, 12,
      near="pontecagnano@1,-1", note=PZGR + " " + KG),
    U("de_16_79", "16th Pz Div / 79th PzGr Regt", "DE", "16th_pz", "mechanised", "Regiment", 3, 7, 7, 12,
      near="capaccio", note=PZGR + " Opposed the 36th Div at Paestum. " + KG),
    U("de_16_art", "16th Pz Div / 16th Panzer Artillery Regt", "DE", "16th_pz", "artillery", "Regiment", 2, 4, 2, 10,
      near="eboli@0,1", note="Motorised 105/150 mm battalions."),
    U("de_16_recon", "16th Pz Div / 16th Panzer Recon Bn", "DE", "16th_pz", "recon", "Battalion", 1, 2, 2, 14,
      near="altavilla_silentina", note="Armoured cars and half-tracks."),
    U("de_16_pio", "16th Pz Div / 16th Panzer Pioneer Bn", "DE", "16th_pz", "mechanised", "Battalion", 1, 2, 2, 12,
      near="salerno@1,-1", note="Engineers holding the hills above Salerno."),
    U("de_16_pts_north", "16th Pz Div / strongpoints, Salerno bay", "DE", "16th_pz", "coastal", "Company", 1, 1, 2, 1,
      near="uncle", note=POINT),
    U("de_16_pts_paestum", "16th Pz Div / strongpoints, Paestum", "DE", "16th_pz", "coastal", "Company", 1, 1, 2, 1,
      near="paestum", note=POINT),
    # From the north (Naples, Gaeta)
    U("de_hg_kg", "HG Pz Div / Kampfgruppe (2 PzGr Bns)", "DE", "hg_div", "mechanised", "Regiment", 2, 5, 5, 12,
      arrive=A(3, FROM_NOCERA, [NORTH]), note="Battle group of two battalions from Naples, north flank at Vietri, Cava and Nocera."),
    U("de_hg_pz", "HG Pz Div / Panzer detachment (~20 tanks)", "DE", "hg_div", "armour", "Battalion", 1, 3, 2, 10,
      arrive=A(4, FROM_NOCERA, [NORTH]), note="~20 tanks: 1 tank step, 3/2."),
    U("de_hg_kg2", "HG Pz Div / second Kampfgruppe", "DE", "hg_div", "mechanised", "Regiment", 2, 5, 5, 12,
      arrive=A(7, FROM_NOCERA, [NORTH]), note="More of the division from the Naples area."),
    U("de_15_kg", "15th PzGr Div / Kampfgruppe (104th PzGr Regt)", "DE", "15th_pzgr", "mechanised", "Regiment", 3, 7, 7, 12,
      arrive=A(4, FROM_NAPLES, [WEST, NORTH]), note=PZGR + " From the Gaeta area; north flank against the Rangers and Commandos."),
    U("de_15_art", "15th PzGr Div / artillery group", "DE", "15th_pzgr", "artillery", "Battalion", 1, 2, 1, 10,
      arrive=A(5, FROM_NAPLES, [WEST, NORTH]), note="Motorised artillery."),
    U("de_3_29", "3rd PzGr Div / 29th PzGr Regt", "DE", "3rd_pzgr", "mechanised", "Regiment", 2, 5, 5, 12,
      arrive=A(9, FROM_AVELLINO, [NORTH]), note="Elements from the Rome area: 2 steps."),
    # From the south (Calabria)
    U("de_29_15", "29th PzGr Div / 15th PzGr Regt", "DE", "29th_pzgr", "mechanised", "Regiment", 3, 7, 7, 12,
      arrive=A(5, FROM_CALABRIA, [SOUTH]), note=PZGR + " From Calabria, where LXXVI Panzer Corps had been delaying Eighth Army since Baytown (3 Sep) by demolitions; Vietinghoff called it north when the landing came (Blumenson ch. VI). South of the Calore; veteran of Sicily, so slightly worn."),
    U("de_29_71", "29th PzGr Div / 71st PzGr Regt", "DE", "29th_pzgr", "mechanised", "Regiment", 3, 7, 7, 12,
      arrive=A(6, FROM_CALABRIA, [SOUTH]), note=PZGR),
    U("de_29_129pz", "29th PzGr Div / 129th Panzer Bn", "DE", "29th_pzgr", "armour", "Battalion", 1, 3, 2, 10,
      arrive=A(7, FROM_CALABRIA, [SOUTH]), note="Assault guns and tanks: 1 tank step, 3/2."),
    # From the east (26th Pz from Calabria via Eboli)
    U("de_26_9", "26th Pz Div / 9th PzGr Regt", "DE", "26th_pz", "mechanised", "Regiment", 3, 7, 7, 12,
      arrive=A(7, FROM_POTENZA, [EAST]), note=PZGR + " Also from Calabria (LXXVI Panzer Corps, delaying Eighth Army after Baytown), by Potenza and Eboli; Battipaglia sector."),
    U("de_26_67", "26th Pz Div / 67th PzGr Regt", "DE", "26th_pz", "mechanised", "Regiment", 3, 7, 7, 12,
      arrive=A(8, FROM_POTENZA, [EAST]), note=PZGR),
    U("de_26_art", "26th Pz Div / 93rd Panzer Artillery Regt", "DE", "26th_pz", "artillery", "Regiment", 2, 4, 2, 10,
      arrive=A(9, FROM_POTENZA, [EAST]), note="Motorised artillery."),
    U("de_fj_3", "1st FJ Div / 3rd Fallschirmjaeger Regt", "DE", "1st_fj", "airborne", "Regiment", 3, 8, 7, 6, quality="elite",
      arrive=A(13, FROM_POTENZA, [EAST]), note="From Apulia, en route on 15 Sep (unsure in the reference): elite light infantry, 3 steps, 8/7 (as in Sicily)."),
]

# No German bonus (issue 18; was attack +3, defence +2): the German
# units carry their formula ratings (docs/oob.md), as in Sicily. What made
# the counterattack of 12-14 September dangerous - the Germans reinforcing
# by land faster than Fifth Army could build up by sea, and the Sele gap -
# is modelled where it happened: the arrival schedules, the beaches'
# capacity and the corridor (scenario file; Blumenson ch. VIII).
