/**
 * Regions of the UN geoscheme (M49), used to segment campaigns and, later, reports.
 * Each country code of COUNTRY_CODES belongs to exactly one region.
 */
export const REGIONS = ['africa', 'americas', 'asia', 'europe', 'oceania'] as const;
export type TRegion = (typeof REGIONS)[number];

const MEMBERS: Record<TRegion, string> = {
  africa:
    'DZ AO BJ BW BF BI CV CM CF TD KM CG CD CI DJ EG GQ ER SZ ET GA GM GH GN GW KE LS LR LY MG MW ML MR MU YT MA MZ NA NE NG RE RW SH ST SN SC SL SO ZA SS SD TZ TG TN UG EH ZM ZW IO TF',
  americas:
    'AI AG AR AW BS BB BZ BM BO BQ BV BR CA KY CL CO CR CU CW DM DO EC SV FK GF GL GD GP GT GY HT HN JM MQ MX MS NI PA PY PE PR BL KN LC MF PM VC SX GS SR TT TC US UM UY VE VG VI',
  asia: 'AF AM AZ BH BD BT BN KH CN CY GE HK IN ID IR IQ IL JP JO KZ KW KG LA LB MO MY MV MN MM NP KP OM PK PS PH QA SA SG KR LK SY TW TJ TH TL TR TM AE UZ VN YE',
  europe:
    'AX AL AD AT BY BE BA BG HR CZ DK EE FO FI FR DE GI GR GG VA HU IS IE IM IT JE XK LV LI LT LU MT MD MC ME NL MK NO PL PT RO RU SM RS SK SI ES SJ SE CH UA GB',
  oceania: 'AS AU CX CC CK FJ PF GU HM KI MH FM NR NC NZ NU NF MP PW PG PN WS SB TK TO TV VU WF AQ',
};

const REGION_OF = new Map<string, TRegion>();
for (const region of REGIONS) for (const code of MEMBERS[region].split(' ')) REGION_OF.set(code, region);

/** The region of a country code, or null for an unknown code. */
export function regionOf(country: string): TRegion | null {
  return REGION_OF.get(country.toUpperCase()) ?? null;
}

/** The country codes of a region. */
export function countriesOf(region: TRegion): string[] {
  return MEMBERS[region].split(' ');
}
