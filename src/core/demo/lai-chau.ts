/**
 * Lai Châu, QĐ 1167/QĐ-UBND (09/12/2016): BHYT targets 2016–2020 per district and per
 * participant group, exactly as printed (shared/seeds/004). Each cell is [insured target,
 * population or group total, printed rate %]. Printed rates are kept even where they
 * disagree with count/total; the importer warns about those rows.
 */
export const LAI_CHAU_SOURCE = "QĐ 1167/QĐ-UBND ngày 09/12/2016 của UBND tỉnh Lai Châu";
export const LAI_CHAU_YEARS = [2016, 2017, 2018, 2019, 2020] as const;

type Cell = [number, number, string];

/** District-level units (abolished 1/7/2025) with their demo codes and kind. */
export const LAI_CHAU_DISTRICTS: { code: string; kind: string; name: string; cells: Cell[] }[] = [
  { code: "12-01", kind: "thành phố", name: "Lai Châu", cells: [[27949, 37780, "73,98"], [29641, 39391, "75,25"], [31334, 41045, "76,34"], [33751, 42728, "78,99"], [37010, 44436, "83,29"]] },
  { code: "12-02", kind: "huyện", name: "Tam Đường", cells: [[50979, 54390, "93,73"], [52965, 55500, "95,43"], [54540, 56604, "96,35"], [56020, 57702, "97,09"], [57527, 58793, "97,85"]] },
  { code: "12-03", kind: "huyện", name: "Tân Uyên", cells: [[52845, 55090, "95,92"], [54303, 56061, "96,86"], [55517, 57070, "97,28"], [56632, 58069, "97,53"], [57775, 59056, "97,83"]] },
  { code: "12-04", kind: "huyện", name: "Than Uyên", cells: [[61977, 64730, "95,75"], [63987, 65960, "97,01"], [65359, 67147, "97,34"], [66689, 68322, "97,61"], [68026, 69484, "97,90"]] },
  { code: "12-05", kind: "huyện", name: "Phong Thổ", cells: [[72470, 76560, "94,66"], [74483, 78152, "95,31"], [76679, 79725, "96,18"], [79421, 81289, "97,70"], [81522, 82843, "98,40"]] },
  { code: "12-06", kind: "huyện", name: "Sìn Hồ", cells: [[75374, 80750, "93,34"], [78689, 82204, "95,72"], [80877, 83642, "96,69"], [82940, 85064, "97,50"], [85254, 86468, "98,60"]] },
  { code: "12-07", kind: "huyện", name: "Mường Tè", cells: [[42453, 43800, "96,92"], [43583, 44501, "97,94"], [44674, 45191, "98,86"], [45416, 45868, "99,01"], [46315, 46534, "99,53"]] },
  { code: "12-08", kind: "huyện", name: "Nậm Nhùn", cells: [[26056, 26550, "98,14"], [26640, 27054, "98,47"], [27146, 27555, "98,52"], [27835, 28051, "99,23"], [28424, 28542, "99,59"]] },
];

/** The province total row ("Tổng"). */
export const LAI_CHAU_TOTAL: Cell[] = [[410103, 439650, "93,28"], [424291, 448823, "94,53"], [436126, 457979, "95,23"], [448704, 467093, "96,06"], [461853, 476156, "97,00"]];

/** Per-group table: the five funding groups and the plan's subgroups (codes are the demo's). */
export const LAI_CHAU_GROUPS: { code: string; parent?: string; vi: string; en: string; cells: Cell[] }[] = [
  { code: "employer", vi: "Nhóm 1. Người LĐ và người SDLĐ đóng", en: "Group 1. Paid by employer and employee", cells: [[31084, 33826, "91,90"], [33264, 33264, "95,47"], [32383, 33838, "95,70"], [33329, 34581, "96,38"], [35056, 36352, "96,43"]] },
  { code: "LC-1-1", parent: "employer", vi: "Doanh nghiệp nhà nước", en: "State-owned enterprises", cells: [[4245, 4245, "100"], [4185, 4185, "100"], [4121, 4121, "100"], [4257, 4257, "100"], [4394, 4394, "100"]] },
  { code: "LC-1-2", parent: "employer", vi: "Doanh nghiệp có vốn đầu tư nước ngoài", en: "Foreign-invested enterprises", cells: [[4, 4, "100"], [4, 4, "100"], [4, 4, "100"], [4, 4, "100"], [4, 4, "100"]] },
  { code: "LC-1-3", parent: "employer", vi: "Doanh nghiệp ngoài quốc doanh", en: "Private enterprises", cells: [[1896, 3067, "61,90"], [3165, 3165, "64"], [2318, 3458, "67"], [2634, 3603, "73"], [3468, 4682, "74,07"]] },
  { code: "LC-1-4", parent: "employer", vi: "Hợp tác xã", en: "Cooperatives", cells: [[147, 231, "63,64"], [174, 246, "71"], [204, 274, "74"], [218, 284, "77"], [288, 301, "95,68"]] },
  { code: "LC-1-5", parent: "employer", vi: "Hộ sản xuất kinh doanh cá thể, tổ hợp tác", en: "Household businesses and cooperative groups", cells: [[46, 201, "22,89"], [57, 212, "27"], [68, 217, "31"], [89, 249, "36"], [212, 262, "80,92"]] },
  { code: "LC-1-6", parent: "employer", vi: "Hành chính sự nghiệp, Đảng, đoàn thể", en: "Administrative and public units, Party, mass organisations", cells: [[21836, 21836, "100"], [22192, 22192, "100"], [22467, 22467, "100"], [22859, 22859, "100"], [23356, 23356, "100"]] },
  { code: "LC-1-7", parent: "employer", vi: "Xã, phường, thị trấn", en: "Communes, wards and townships", cells: [[2254, 2254, "100"], [2267, 2267, "100"], [2283, 2283, "100"], [2314, 2314, "100"], [2340, 2340, "100"]] },
  { code: "LC-1-8", parent: "employer", vi: "Ngoại công lập", en: "Non-public units", cells: [[0, 0, "0"], [0, 0, "0"], [0, 0, "0"], [0, 0, "0"], [0, 0, "0"]] },
  { code: "LC-1-9", parent: "employer", vi: "Cán bộ không chuyên trách cấp xã", en: "Non-specialised commune workers", cells: [[656, 992, "66,13"], [866, 993, "87"], [918, 1014, "91"], [954, 1011, "94"], [994, 1013, "98,12"]] },
  { code: "bhxh", vi: "Nhóm 2. Tổ chức BHXH đóng (100%)", en: "Group 2. Paid by the social insurance fund (100%)", cells: [[5621, 5621, "100"], [5757, 5757, "100"], [5905, 5905, "100"], [6159, 6159, "100"], [6520, 6520, "100"]] },
  { code: "LC-2-1", parent: "bhxh", vi: "Người hưởng lương hưu, trợ cấp mất sức lao động hàng tháng", en: "Pensioners and monthly incapacity allowance", cells: [[5057, 5057, "100"], [5124, 5124, "100"], [5223, 5223, "100"], [5436, 5436, "100"], [5734, 5734, "100"]] },
  { code: "LC-2-2", parent: "bhxh", vi: "Người từ đủ 80 tuổi trở lên đang hưởng trợ cấp tuất hàng tháng", en: "Aged 80+ on monthly survivor allowance", cells: [[122, 122, "100"], [126, 126, "100"], [128, 128, "100"], [136, 136, "100"], [143, 143, "100"]] },
  { code: "LC-2-3", parent: "bhxh", vi: "Người đang hưởng trợ cấp BHXH hàng tháng do bị TNLĐ, bệnh nghề nghiệp", en: "Monthly occupational accident or disease allowance", cells: [[16, 16, "100"], [21, 21, "100"], [22, 22, "100"], [24, 24, "100"], [32, 32, "100"]] },
  { code: "LC-2-4", parent: "bhxh", vi: "Cán bộ xã, phường, thị trấn đã nghỉ việc đang hưởng trợ cấp BHXH hàng tháng", en: "Retired commune cadres on monthly BHXH allowance", cells: [[97, 97, "100"], [98, 98, "100"], [94, 94, "100"], [95, 95, "100"], [95, 95, "100"]] },
  { code: "LC-2-5", parent: "bhxh", vi: "Người hưởng trợ cấp thất nghiệp", en: "Unemployment benefit recipients", cells: [[329, 329, "100"], [388, 388, "100"], [438, 438, "100"], [468, 468, "100"], [516, 516, "100"]] },
  { code: "state", vi: "Nhóm 3. Ngân sách nhà nước đóng (100%)", en: "Group 3. Paid by the state budget (100%)", cells: [[357863, 367000, "97,51"], [367264, 371624, "98,83"], [373916, 376866, "99,22"], [379666, 379666, "100"], [382583, 382583, "100"]] },
  { code: "LC-3-1", parent: "state", vi: "Lưu học sinh", en: "Foreign scholarship students", cells: [[30, 30, "100"], [40, 40, "100"], [45, 45, "100"], [45, 45, "100"], [50, 50, "100"]] },
  { code: "LC-3-2", parent: "state", vi: "Cán bộ xã hưởng trợ cấp NSNN", en: "Commune cadres on budget allowance", cells: [[387, 387, "100"], [389, 389, "100"], [383, 383, "100"], [381, 381, "100"], [376, 376, "100"]] },
  { code: "LC-3-3", parent: "state", vi: "Người có công với cách mạng", en: "Revolutionary contributors", cells: [[500, 500, "100"], [508, 508, "100"], [504, 504, "100"], [504, 504, "100"], [505, 505, "100"]] },
  { code: "LC-3-4", parent: "state", vi: "Cựu chiến binh", en: "Veterans", cells: [[115, 115, "100"], [115, 115, "100"], [109, 109, "100"], [108, 108, "100"], [107, 107, "100"]] },
  { code: "LC-3-5", parent: "state", vi: "Đại biểu quốc hội, hội đồng nhân dân", en: "National Assembly and People's Council deputies", cells: [[1111, 1111, "100"], [1114, 1114, "100"], [1116, 1116, "100"], [1118, 1118, "100"], [1119, 1119, "100"]] },
  { code: "LC-3-6", parent: "state", vi: "Bảo trợ xã hội", en: "Social assistance recipients", cells: [[4176, 4204, "99,33"], [5700, 5711, "99,81"], [6063, 6063, "100"], [7004, 7004, "100"], [8399, 8399, "100"]] },
  { code: "LC-3-7", parent: "state", vi: "Người nghèo", en: "Poor people", cells: [[141183, 144724, "97,55"], [143218, 144592, "99,05"], [144612, 145496, "99,39"], [144514, 144514, "100"], [144368, 144368, "100"]] },
  { code: "LC-3-8", parent: "state", vi: "Dân tộc thiểu số tại vùng KT-XH khó khăn, ĐBKK", en: "Ethnic minorities in (especially) difficult areas", cells: [[142508, 145793, "97,75"], [145666, 147332, "98,87"], [147587, 148661, "99,28"], [148192, 148192, "100"], [146511, 146511, "100"]] },
  { code: "LC-3-9", parent: "state", vi: "Người sinh sống tại vùng KT-XH đặc biệt khó khăn", en: "Residents of especially difficult areas", cells: [[1835, 1908, "96,17"], [1782, 1821, "97,86"], [1717, 1724, "99,59"], [1530, 1530, "100"], [1279, 1279, "100"]] },
  { code: "LC-3-10", parent: "state", vi: "Thân nhân người có công", en: "Relatives of revolutionary contributors", cells: [[109, 109, "100"], [111, 111, "100"], [109, 109, "100"], [109, 109, "100"], [111, 111, "100"]] },
  { code: "LC-3-11", parent: "state", vi: "Thân nhân lực lượng công an, cơ yếu", en: "Relatives of police and cipher staff", cells: [[956, 956, "100"], [976, 976, "100"], [1012, 1012, "100"], [1114, 1114, "100"], [1172, 1172, "100"]] },
  { code: "LC-3-12", parent: "state", vi: "Trẻ em dưới 6 tuổi", en: "Children under 6", cells: [[63071, 65220, "96,70"], [65006, 66264, "98,10"], [66880, 67863, "98,55"], [69290, 69290, "100"], [71057, 71057, "100"]] },
  { code: "LC-3-13", parent: "state", vi: "Người thuộc hộ gia đình cận nghèo", en: "Near-poor household members", cells: [[405, 465, "87,10"], [1148, 1160, "98,97"], [2276, 2278, "99,91"], [4205, 4205, "100"], [5940, 5940, "100"]] },
  { code: "LC-3-14", parent: "state", vi: "Thân nhân quân đội do BHXH quân đội quản lý", en: "Military relatives managed by military BHXH", cells: [[966, 966, "100"], [980, 980, "100"], [1001, 1001, "100"], [1048, 1048, "100"], [1088, 1088, "100"]] },
  { code: "LC-3-15", parent: "state", vi: "Người làm nhiệm vụ ở Lào, Campuchia sau 30/4/1975", en: "People who served in Laos or Cambodia after 30/4/1975", cells: [[456, 456, "100"], [454, 454, "100"], [448, 448, "100"], [449, 449, "100"], [444, 444, "100"]] },
  { code: "LC-3-16", parent: "state", vi: "Người phục vụ người có công với cách mạng", en: "Carers of revolutionary contributors", cells: [[11, 11, "100"], [11, 11, "100"], [10, 10, "100"], [10, 10, "100"], [10, 10, "100"]] },
  { code: "LC-3-17", parent: "state", vi: "Người đã thôi hưởng trợ cấp MSLĐ đang hưởng trợ cấp hàng tháng từ NSNN", en: "Former incapacity-allowance recipients on budget allowance", cells: [[52, 52, "100"], [53, 53, "100"], [52, 52, "100"], [52, 52, "100"], [54, 54, "100"]] },
  { code: "state_supported", vi: "Nhóm 4. Ngân sách nhà nước hỗ trợ đóng", en: "Group 4. Partly paid by the state budget", cells: [[9362, 11673, "80,20"], [12145, 14628, "83,03"], [14657, 17558, "83,48"], [17415, 20616, "84,47"], [21599, 23879, "90,45"]] },
  { code: "LC-4-1", parent: "state_supported", vi: "Người thuộc hộ gia đình cận nghèo (70%)", en: "Near-poor household members (70%)", cells: [[79, 491, "16,09"], [520, 1165, "44,64"], [1473, 2729, "53,98"], [2847, 4221, "67,45"], [4751, 5935, "80,04"]] },
  { code: "LC-4-2", parent: "state_supported", vi: "Học sinh, sinh viên (30%)", en: "Pupils and students (30%)", cells: [[9253, 10192, "90,79"], [10438, 10541, "99,02"], [10910, 10910, "100"], [11554, 11554, "100"], [12459, 12459, "100"]] },
  { code: "LC-4-3", parent: "state_supported", vi: "Hộ nông, lâm ngư nghiệp có mức sống trung bình (30%)", en: "Farm, forestry and fishery households of average living standard (30%)", cells: [[30, 990, "3,03"], [1187, 2922, "40,62"], [2274, 3919, "58,03"], [3014, 4841, "62,26"], [4389, 5485, "80,02"]] },
  { code: "household", vi: "Nhóm 5. Hộ gia đình", en: "Group 5. Household scheme", cells: [[6173, 22530, "27,40"], [7369, 23550, "31,29"], [9265, 23812, "38,91"], [12135, 26071, "46,55"], [16095, 26822, "60,01"]] },
];
