/**
 * The national-level new areas (国家级新区) approved by the State Council, 1992–2017, with the
 * province each lies in. Most are not administrative divisions, so GB/T 2260 does not list them, yet
 * enterprises say where they are by them ("我们在两江新区"). The two that are divisions (浦东新区,
 * 滨海新区) are in GB/T 2260 already. Source: the State Council's approvals as listed by the
 * National Development and Reform Commission (国家发展改革委, 国家级新区名单, 19 areas).
 */
export const NATIONAL_NEW_AREAS: ReadonlyArray<readonly [name: string, provinceCode: string]> = [
  ['两江新区', '50'],
  ['舟山群岛新区', '33'],
  ['兰州新区', '62'],
  ['南沙新区', '44'],
  ['西咸新区', '61'],
  ['贵安新区', '52'],
  ['西海岸新区', '37'],
  ['金普新区', '21'],
  ['天府新区', '51'],
  ['湘江新区', '43'],
  ['江北新区', '32'],
  ['福州新区', '35'],
  ['滇中新区', '53'],
  ['哈尔滨新区', '23'],
  ['长春新区', '22'],
  ['赣江新区', '36'],
  ['雄安新区', '13'],
];
