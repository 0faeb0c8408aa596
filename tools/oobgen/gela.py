"""Gela, 10-12 July 1943: the DIME beachhead and the Axis counterattack.
Sources: /work/shared/history/husky.md; Garland & Smyth, *Sicily and the
Surrender of Italy*, ch. VI-VIII. Scale: docs/oob.md (2 km hexes, 12 h)."""

from oob import A, F, U, beach, drop, edge, edge_near

STACKING = 6

HEADER = {
    "Allied": [
        "Gela: Allied order of battle, 10-12 July 1943 (turn 1 = 10 Jul 03:00).",
        "US 1st Inf Div (DIME force) with the Rangers, 82nd Airborne drops,",
        "CCB/2nd Armd (KOOL force) and the 180th RCT of the 45th Div (CENT).",
    ],
    "Axis": [
        "Gela: Axis order of battle, 10-12 July 1943.",
        "Livorno Division and Mobile Group E (Italian XVI Corps), the Hermann",
        "Goering Panzer Division's two task forces with the Tigers, and the",
        "coastal battalions on the beaches.",
    ],
}

ALLIED_FORMATIONS = [
    F("seventh_army", "US Seventh Army (Patton)", "Army"),
    F("ii_corps", "US II Corps (Bradley)", "Corps", "seventh_army"),
    F("1st_inf_div", "US 1st Infantry Division (Allen)", "Division", "ii_corps"),
    F("ranger_force", "Force X: 1st and 4th Ranger Bns (Darby)", "Regiment", "1st_inf_div"),
    F("45th_inf_div", "US 45th Infantry Division (Middleton)", "Division", "ii_corps"),
    F("2nd_armd_div", "US 2nd Armored Division (Gaffey)", "Division", "seventh_army"),
    F("82nd_abn_div", "US 82nd Airborne Division (Ridgway)", "Division", "seventh_army"),
    F("505th_pir_ct", "505th Parachute Combat Team (Gavin)", "Regiment", "82nd_abn_div"),
    F("504th_pir", "504th Parachute Infantry Regiment (Tucker)", "Regiment", "82nd_abn_div"),
]

RCT = "Full-strength regimental combat team: 3 battalions = 3 steps; attack/defence 6 (docs/oob.md)."
PARA_BN = "Parachute battalion, 1 step: light weapons (no guns heavier than 75 mm pack howitzers) but aggressive."

ALLIED_UNITS = [
    U("us_1id_26rct", "1st Inf Div / 26th RCT", "US", "1st_inf_div", "infantry", "Regiment", 3, 6, 6, 6,
      arrive=A(1, beach("dime_gela")), note=RCT + " Landed west of Gela; took Ponte Olivo with the 16th on 12 Jul."),
    U("us_1id_16rct", "1st Inf Div / 16th RCT", "US", "1st_inf_div", "infantry", "Regiment", 3, 6, 6, 6,
      arrive=A(1, beach("dime_gela")), note=RCT + " Landed east of Gela, pushed to Piano Lupo to join the paratroopers."),
    U("us_1rgr", "Force X / 1st Ranger Bn", "US", "ranger_force", "commando", "Battalion", 1, 3, 2, 7,
      arrive=A(1, beach("dime_gela")), note="Elite raiders, 1 step; attack above a line battalion. Took Gela town on D-day."),
    U("us_4rgr", "Force X / 4th Ranger Bn", "US", "ranger_force", "commando", "Battalion", 1, 3, 2, 7,
      arrive=A(1, beach("dime_gela")), note="As the 1st Ranger Bn; fought the Livorno and Mobile Group E tanks in Gela's streets."),
    U("us_1id_18rct", "1st Inf Div / 18th RCT", "US", "1st_inf_div", "infantry", "Regiment", 3, 6, 6, 6,
      arrive=A(2, beach("dime_gela")), note=RCT + " Floating reserve (KOOL force) landed late on 10 Jul."),
    U("us_1id_divarty", "1st Inf Div / Division Artillery", "US", "1st_inf_div", "artillery", "Regiment", 2, 4, 2, 10,
      arrive=A(2, beach("dime_gela")), note="Four 105/155 mm battalions; with naval gunfire they broke the 11 Jul attack on the plain."),
    U("us_2ad_ccb_tanks", "2nd Armd Div / CCB (3/67th Armd Regt)", "US", "2nd_armd_div", "armour", "Battalion", 2, 6, 4, 10,
      arrive=A(3, beach("dime_gela")), note="Sherman battalion of CCB; landed 11 Jul, a few tanks fought on the beach. 2 tank steps: 6/4."),
    U("us_2ad_ccb_inf", "2nd Armd Div / CCB (41st Armd Inf)", "US", "2nd_armd_div", "mechanised", "Battalion", 2, 5, 5, 12,
      arrive=A(4, beach("dime_gela")), note="Armoured infantry of CCB; reached Piano Lupo on 12 Jul."),
    U("us_505_1", "505th PIR / 1st Bn", "US", "505th_pir_ct", "airborne", "Battalion", 1, 2, 2, 6,
      arrive=A(1, drop("husky_no_1_505th_pir"), night=True), note=PARA_BN + " Husky No. 1, night 9/10 Jul: widely scattered."),
    U("us_505_2", "505th PIR / 2nd Bn", "US", "505th_pir_ct", "airborne", "Battalion", 1, 2, 2, 6,
      arrive=A(1, drop("husky_no_1_505th_pir"), night=True), note=PARA_BN + " Husky No. 1."),
    U("us_505_3", "505th PIR / 3rd Bn", "US", "505th_pir_ct", "airborne", "Battalion", 1, 2, 2, 6,
      arrive=A(1, drop("husky_no_1_505th_pir"), night=True), note=PARA_BN + " Gavin's force at Biazzo Ridge against the Tigers, 11 Jul."),
    U("us_504_3", "504th PIR / 3rd Bn (with 505th CT)", "US", "505th_pir_ct", "airborne", "Battalion", 1, 2, 2, 6,
      arrive=A(1, drop("husky_no_1_505th_pir"), night=True), note=PARA_BN + " Dropped with the 505th combat team."),
    U("us_504_1", "504th PIR / 1st Bn", "US", "504th_pir", "airborne", "Battalion", 1, 2, 2, 6,
      arrive=A(4, drop("husky_no_2_farello"), night=True), note=PARA_BN + " Husky No. 2, night 11/12 Jul; 23 transports shot down by friendly fire."),
    U("us_504_2", "504th PIR / 2nd Bn", "US", "504th_pir", "airborne", "Battalion", 1, 2, 2, 6,
      arrive=A(4, drop("husky_no_2_farello"), night=True), note=PARA_BN + " Husky No. 2."),
    U("us_45id_180rct", "45th Inf Div / 180th RCT", "US", "45th_inf_div", "infantry", "Regiment", 3, 6, 6, 6,
      arrive=A(1, beach("cent_scoglitti"), [edge("east")]),
      note=RCT + " First action for the 45th. Landed at the Acate mouth; met the HG east task force."),
]

AXIS_FORMATIONS = [
    F("6th_army", "Italian 6th Army (Guzzoni)", "Army"),
    F("xvi_corps", "XVI Corps (Rossi)", "Corps", "6th_army"),
    F("livorno", "4th Infantry Division 'Livorno'", "Division", "xvi_corps"),
    F("coastal_gela", "Coastal defences, Gela sector (206th/207th Coastal Divs)", "Brigade", "xvi_corps"),
    F("hg_div", "Hermann Goering Panzer Division (Conrath)", "Division", "6th_army"),
]

LIVORNO = ("Best Italian field division (~12,500 men, nominally motorised, full establishment of weapons): "
           "3 steps at Italian quality (67%): attack/defence 4 against 6 for a US RCT.")
COASTAL = ("Coastal battalion: old reservists in fixed positions, few guns, no transport: static, "
           "1 step, attack 1 defence 1 (coastal quality).")

AXIS_UNITS = [
    U("it_429_coastal", "429th Coastal Bn (Gela)", "IT", "coastal_gela", "coastal", "Battalion", 1, 1, 1, 1,
      near="gela@0,-2", note=COASTAL + " Set up on its inner line north of the town (towards Castelluccio), so that a D-day retreat never lands it on the beach. Major Rabellino's battalion held Gela and its beach line on D-day against the Rangers."),
    U("it_207_coastal", "207th Coastal Div / coastal bn (west of Gela)", "IT", "coastal_gela", "coastal", "Battalion", 1, 1, 1, 1,
      near="gela@-3,-1", note=COASTAL + " Covered the beach west of Gela (Farello airfield lies east of the town, inside the 1st Division's beachhead: issue 18)."),
    U("it_206_coastal", "206th Coastal Div / coastal bn (Acate mouth)", "IT", "coastal_gela", "coastal", "Battalion", 1, 1, 1, 1,
      near="dime_gela#-1@2,-1", note=COASTAL + " Behind the beach at the Acate mouth."),
    U("it_gm_e", "Mobile Group E (Renault R35s)", "IT", "xvi_corps", "armour", "Battalion", 1, 3, 2, 10, comp=[("mobile_group", 1)],
      near="niscemi", note="A company of French-built R35 light tanks with motorised infantry: broke into Gela on 10 Jul and was thrown out. 1 step, attack 3."),
    U("it_liv_34", "Livorno / 34th Infantry Regt", "IT", "livorno", "infantry", "Regiment", 3, 4, 4, 6, comp=[("rifle", 3)],
      near="gela@-5,-4", note=LIVORNO + " Attacked Gela from the north-west on 10-11 Jul and was shattered by naval gunfire."),
    U("it_liv_33", "Livorno / 33rd Infantry Regt", "IT", "livorno", "infantry", "Regiment", 3, 4, 4, 6, comp=[("rifle", 3)],
      near="ponte_olivo_airfield@-2,-3", note=LIVORNO),
    U("it_liv_28art", "Livorno / 28th Artillery Regt", "IT", "livorno", "artillery", "Regiment", 2, 3, 1, 8,
      near="ponte_olivo_airfield@-1,-5", note="Divisional artillery, horse-drawn and truck-towed 75/100 mm guns."),
    U("de_hg_pzregt", "HG Pz Div / Panzer Regiment HG (west task force)", "DE", "hg_div", "armour", "Regiment", 3, 9, 6, 10,
      arrive=A(1, edge_near("north", "caltagirone"), [edge("north")]),
      note="Two battalions of Pz III/IV (~90 tanks): 3 steps, attack 9. Came down from Caltagirone through Niscemi to Piano Lupo and the plain, 10-11 Jul."),
    U("de_hg_pzgr", "HG Pz Div / Panzergrenadier Regt HG (east task force)", "DE", "hg_div", "mechanised", "Regiment", 2, 5, 5, 12,
      arrive=A(1, edge_near("east", "biscari_airfield"), [edge("east")]),
      note="Only two battalions on the island: 2 steps. Attacked from Biscari toward the Acate and Biazzo Ridge."),
    U("de_504_tigers", "s.Pz.Abt. 504 / 2nd Coy (Tigers)", "DE", "hg_div", "armour", "Company", 1, 5, 5, 8, comp=[("heavy_tank", 1)],
      arrive=A(1, edge_near("east", "biscari_airfield"), [edge("east")]),
      note="17 Tigers, 15 running on 10 Jul, 10 lost by 12 Jul mostly to breakdowns: 1 strong step, slow (movement 8)."),
    U("de_hg_art", "HG Pz Div / Panzer Artillery Regt HG", "DE", "hg_div", "artillery", "Regiment", 2, 4, 2, 10,
      arrive=A(2, edge_near("north", "caltagirone"), [edge("north")]), note="Motorised 105/150 mm battalions."),
    U("de_hg_recon", "HG Pz Div / Panzer Recon Bn HG", "DE", "hg_div", "recon", "Battalion", 1, 2, 2, 14,
      arrive=A(2, edge_near("north", "niscemi"), [edge("north")]), note="Armoured cars and motorcycle troops: fast, fragile."),
]

# No per-scenario bonus (issue 18): every rating follows the formula in
# docs/oob.md (tools/oobgen/oob.py `ratings`), the same as in the Sicily
# scenario on the same days. The old German bonus block (+2/+2, then 0) is
# gone.
