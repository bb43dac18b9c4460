/**
 * US states (and DC) for demo data: real cities, 3-digit ZIP prefixes, telephone area codes and IANA time zones.
 *
 * Time zones matter more than anything else here: the compliance gate decides contact hours from a contact
 * point's zone, so the demo portfolio must exercise the awkward cases (Arizona without DST, Hawaii, Alaska and
 * the Aleutians, and the states split between two zones). A state is therefore a list of regions, one per zone,
 * each with its share of the state's population and cities that really lie in that zone.
 *
 * Facts are approximate where noted (population shares of split regions are rough); nothing here is legal
 * advice or a geocoder. Populations are 2020 census figures in thousands.
 */

/** [city, 3-digit ZIP prefix of that city, one of its area codes]. */
export type City = readonly [name: string, zip3: string, areaCode: number];

export type ZoneRegion = {
  /** IANA zone name; never a fixed offset. */
  zone: string;
  /** Rough share of the state's population living in this zone (weights within a state sum to ~1). */
  weight: number;
  cities: readonly City[];
  /** Inclusive ranges of 3-digit ZIP prefixes used in this region. */
  zipRanges: readonly (readonly [number, number])[];
  /** Area codes used in this region; a code listed in two regions of a state does not tell the zone. */
  areaCodes: readonly number[];
};

export type UsState = {
  code: string;
  name: string;
  /** Thousands of residents, 2020 census. */
  population: number;
  regions: readonly ZoneRegion[];
};

const NY = "America/New_York";
const CHI = "America/Chicago";
const DEN = "America/Denver";
const LA = "America/Los_Angeles";

function single(zone: string, cities: City[], zipRanges: [number, number][], areaCodes: number[]): ZoneRegion[] {
  return [{ zone, weight: 1, cities, zipRanges, areaCodes }];
}

export const US_STATES: readonly UsState[] = [
  {
    code: "AL",
    name: "Alabama",
    population: 5024,
    regions: single(
      CHI,
      [
        ["Birmingham", "352", 205],
        ["Montgomery", "361", 334],
        ["Mobile", "366", 251],
        ["Huntsville", "358", 256],
        ["Tuscaloosa", "354", 205],
      ],
      [[350, 369]],
      [205, 251, 256, 334, 659, 938],
    ),
  },
  {
    code: "AK",
    name: "Alaska",
    population: 733,
    regions: [
      // Most of the state, Anchorage to Fairbanks.
      {
        zone: "America/Anchorage",
        weight: 0.93,
        cities: [
          ["Anchorage", "995", 907],
          ["Fairbanks", "997", 907],
          ["Wasilla", "996", 907],
          ["Kenai", "996", 907],
        ],
        zipRanges: [[995, 997]],
        areaCodes: [907],
      },
      // The panhandle keeps its own IANA zone (same offset today, different history).
      {
        zone: "America/Juneau",
        weight: 0.065,
        cities: [
          ["Juneau", "998", 907],
          ["Ketchikan", "999", 907],
          ["Petersburg", "998", 907],
        ],
        zipRanges: [[998, 999]],
        areaCodes: [907],
      },
      // The Aleutians west of 169°30′W are on Hawaii-Aleutian time, one hour behind Anchorage.
      {
        zone: "America/Adak",
        weight: 0.005,
        cities: [["Adak", "995", 907]],
        zipRanges: [[995, 995]],
        areaCodes: [907],
      },
    ],
  },
  {
    code: "AZ",
    name: "Arizona",
    population: 7152,
    regions: [
      // Arizona does not observe DST...
      {
        zone: "America/Phoenix",
        weight: 0.97,
        cities: [
          ["Phoenix", "850", 602],
          ["Tucson", "857", 520],
          ["Mesa", "852", 480],
          ["Flagstaff", "860", 928],
          ["Yuma", "853", 928],
          ["Glendale", "853", 623],
        ],
        zipRanges: [
          [850, 853],
          [855, 857],
          [859, 860],
          [863, 864],
        ],
        areaCodes: [480, 520, 602, 623, 928],
      },
      // ...but the Navajo Nation does.
      {
        zone: DEN,
        weight: 0.03,
        cities: [
          ["Window Rock", "865", 928],
          ["Chinle", "865", 928],
          ["Tuba City", "860", 928],
        ],
        zipRanges: [
          [860, 860],
          [865, 865],
        ],
        areaCodes: [928],
      },
    ],
  },
  {
    code: "AR",
    name: "Arkansas",
    population: 3012,
    regions: single(
      CHI,
      [
        ["Little Rock", "722", 501],
        ["Fort Smith", "729", 479],
        ["Fayetteville", "727", 479],
        ["Jonesboro", "724", 870],
        ["Pine Bluff", "716", 870],
      ],
      [[716, 729]],
      [327, 479, 501, 870],
    ),
  },
  {
    code: "CA",
    name: "California",
    population: 39538,
    regions: single(
      LA,
      [
        ["Los Angeles", "900", 213],
        ["San Diego", "921", 619],
        ["San Jose", "951", 408],
        ["San Francisco", "941", 415],
        ["Fresno", "937", 559],
        ["Sacramento", "958", 916],
        ["Oakland", "946", 510],
        ["Long Beach", "908", 562],
        ["Bakersfield", "933", 661],
        ["Riverside", "925", 951],
      ],
      [
        [900, 908],
        [910, 928],
        [930, 961],
      ],
      [
        209, 213, 310, 323, 408, 415, 424, 442, 510, 530, 559, 562, 619, 626, 628, 650, 657, 661, 669, 707, 714, 747,
        760, 805, 818, 831, 858, 909, 916, 925, 949, 951,
      ],
    ),
  },
  {
    code: "CO",
    name: "Colorado",
    population: 5774,
    regions: single(
      DEN,
      [
        ["Denver", "802", 303],
        ["Colorado Springs", "809", 719],
        ["Aurora", "800", 720],
        ["Fort Collins", "805", 970],
        ["Pueblo", "810", 719],
        ["Boulder", "803", 303],
      ],
      [[800, 816]],
      [303, 719, 720, 970, 983],
    ),
  },
  {
    code: "CT",
    name: "Connecticut",
    population: 3606,
    regions: single(
      NY,
      [
        ["Hartford", "061", 860],
        ["New Haven", "065", 203],
        ["Bridgeport", "066", 203],
        ["Stamford", "069", 203],
        ["Waterbury", "067", 203],
      ],
      [[60, 69]],
      [203, 475, 860, 959],
    ),
  },
  {
    code: "DE",
    name: "Delaware",
    population: 990,
    regions: single(
      NY,
      [
        ["Wilmington", "198", 302],
        ["Dover", "199", 302],
        ["Newark", "197", 302],
      ],
      [[197, 199]],
      [302],
    ),
  },
  {
    code: "DC",
    name: "District of Columbia",
    population: 690,
    regions: single(
      NY,
      [["Washington", "200", 202]],
      [
        [200, 200],
        [202, 205],
      ],
      [202, 771],
    ),
  },
  {
    code: "FL",
    name: "Florida",
    population: 21538,
    regions: [
      {
        zone: NY,
        weight: 0.95,
        cities: [
          ["Miami", "331", 305],
          ["Tampa", "336", 813],
          ["Orlando", "328", 407],
          ["Jacksonville", "322", 904],
          ["Fort Lauderdale", "333", 954],
          ["Tallahassee", "323", 850],
          ["St. Petersburg", "337", 727],
          ["West Palm Beach", "334", 561],
        ],
        zipRanges: [
          [320, 323],
          [326, 339],
          [341, 342],
          [344, 344],
          [346, 347],
          [349, 349],
        ],
        areaCodes: [239, 305, 321, 352, 386, 407, 448, 561, 727, 754, 772, 786, 813, 850, 863, 904, 941, 954],
      },
      // The western panhandle (west of the Apalachicola River) is on Central time; 850 spans both zones.
      {
        zone: CHI,
        weight: 0.05,
        cities: [
          ["Pensacola", "325", 850],
          ["Panama City", "324", 850],
          ["Fort Walton Beach", "325", 850],
          ["Destin", "325", 850],
        ],
        zipRanges: [[324, 325]],
        areaCodes: [448, 850],
      },
    ],
  },
  {
    code: "GA",
    name: "Georgia",
    population: 10712,
    regions: single(
      NY,
      [
        ["Atlanta", "303", 404],
        ["Savannah", "314", 912],
        ["Augusta", "309", 706],
        ["Columbus", "319", 706],
        ["Macon", "312", 478],
        ["Athens", "306", 706],
      ],
      [
        [300, 319],
        [398, 399],
      ],
      [229, 404, 470, 478, 678, 706, 762, 770, 912, 943],
    ),
  },
  {
    code: "HI",
    name: "Hawaii",
    population: 1455,
    regions: single(
      "Pacific/Honolulu",
      [
        ["Honolulu", "968", 808],
        ["Hilo", "967", 808],
        ["Kailua", "967", 808],
        ["Kahului", "967", 808],
      ],
      [[967, 968]],
      [808],
    ),
  },
  {
    code: "ID",
    name: "Idaho",
    population: 1839,
    regions: [
      {
        zone: "America/Boise",
        weight: 0.78,
        cities: [
          ["Boise", "837", 208],
          ["Nampa", "836", 208],
          ["Idaho Falls", "834", 208],
          ["Pocatello", "832", 208],
          ["Twin Falls", "833", 208],
        ],
        zipRanges: [
          [832, 834],
          [836, 837],
        ],
        areaCodes: [208, 986],
      },
      // The northern panhandle is on Pacific time.
      {
        zone: LA,
        weight: 0.22,
        cities: [
          ["Coeur d'Alene", "838", 208],
          ["Lewiston", "835", 208],
          ["Moscow", "838", 208],
          ["Sandpoint", "838", 208],
        ],
        zipRanges: [
          [835, 835],
          [838, 838],
        ],
        areaCodes: [208, 986],
      },
    ],
  },
  {
    code: "IL",
    name: "Illinois",
    population: 12813,
    regions: single(
      CHI,
      [
        ["Chicago", "606", 312],
        ["Aurora", "605", 630],
        ["Rockford", "611", 815],
        ["Joliet", "604", 815],
        ["Naperville", "605", 630],
        ["Springfield", "627", 217],
        ["Peoria", "616", 309],
      ],
      [[600, 629]],
      [217, 224, 309, 312, 331, 447, 464, 618, 630, 708, 773, 779, 815, 847, 872],
    ),
  },
  {
    code: "IN",
    name: "Indiana",
    population: 6786,
    regions: [
      {
        zone: "America/Indiana/Indianapolis",
        weight: 0.87,
        cities: [
          ["Indianapolis", "462", 317],
          ["Fort Wayne", "468", 260],
          ["South Bend", "466", 574],
          ["Bloomington", "474", 812],
          ["Lafayette", "479", 765],
          ["Muncie", "473", 765],
        ],
        zipRanges: [
          [460, 462],
          [465, 475],
          [478, 479],
        ],
        areaCodes: [260, 317, 463, 574, 765, 812, 930],
      },
      // The Chicago suburbs in the northwest and the Evansville area in the southwest are on Central time.
      {
        zone: CHI,
        weight: 0.13,
        cities: [
          ["Gary", "464", 219],
          ["Hammond", "463", 219],
          ["Valparaiso", "463", 219],
          ["Evansville", "477", 812],
        ],
        zipRanges: [
          [463, 464],
          [476, 477],
        ],
        areaCodes: [219, 812, 930],
      },
    ],
  },
  {
    code: "IA",
    name: "Iowa",
    population: 3190,
    regions: single(
      CHI,
      [
        ["Des Moines", "503", 515],
        ["Cedar Rapids", "524", 319],
        ["Davenport", "528", 563],
        ["Sioux City", "511", 712],
        ["Iowa City", "522", 319],
      ],
      [[500, 528]],
      [319, 515, 563, 641, 712],
    ),
  },
  {
    code: "KS",
    name: "Kansas",
    population: 2938,
    regions: [
      {
        zone: CHI,
        weight: 0.98,
        cities: [
          ["Wichita", "672", 316],
          ["Overland Park", "662", 913],
          ["Kansas City", "661", 913],
          ["Topeka", "666", 785],
          ["Olathe", "660", 913],
          ["Lawrence", "660", 785],
        ],
        zipRanges: [[660, 679]],
        areaCodes: [316, 620, 785, 913],
      },
      // Four western counties (Sherman, Wallace, Greeley, Hamilton) are on Mountain time.
      {
        zone: DEN,
        weight: 0.02,
        cities: [
          ["Goodland", "677", 785],
          ["Sharon Springs", "677", 785],
          ["Tribune", "678", 620],
          ["Syracuse", "678", 620],
        ],
        zipRanges: [[677, 678]],
        areaCodes: [620, 785],
      },
    ],
  },
  {
    code: "KY",
    name: "Kentucky",
    population: 4506,
    regions: [
      // IANA keeps Louisville's zone separate (it briefly used Central time in the 1970s).
      {
        zone: "America/Kentucky/Louisville",
        weight: 0.3,
        cities: [
          ["Louisville", "402", 502],
          ["Shepherdsville", "401", 502],
          ["La Grange", "400", 502],
        ],
        zipRanges: [[400, 402]],
        areaCodes: [502],
      },
      {
        zone: NY,
        weight: 0.4,
        cities: [
          ["Lexington", "405", 859],
          ["Covington", "410", 859],
          ["Frankfort", "406", 502],
          ["Ashland", "411", 606],
          ["Pikeville", "415", 606],
          ["Richmond", "404", 859],
        ],
        zipRanges: [
          [403, 418],
          [425, 427],
        ],
        areaCodes: [502, 606, 859],
      },
      // Western Kentucky is on Central time.
      {
        zone: CHI,
        weight: 0.3,
        cities: [
          ["Bowling Green", "421", 270],
          ["Paducah", "420", 270],
          ["Owensboro", "423", 270],
          ["Hopkinsville", "422", 270],
        ],
        zipRanges: [[420, 424]],
        areaCodes: [270, 364],
      },
    ],
  },
  {
    code: "LA",
    name: "Louisiana",
    population: 4658,
    regions: single(
      CHI,
      [
        ["New Orleans", "701", 504],
        ["Baton Rouge", "708", 225],
        ["Shreveport", "711", 318],
        ["Lafayette", "705", 337],
        ["Lake Charles", "706", 337],
        ["Monroe", "712", 318],
      ],
      [
        [700, 708],
        [710, 714],
      ],
      [225, 318, 337, 504, 985],
    ),
  },
  {
    code: "ME",
    name: "Maine",
    population: 1362,
    regions: single(
      NY,
      [
        ["Portland", "041", 207],
        ["Lewiston", "042", 207],
        ["Bangor", "044", 207],
        ["Augusta", "043", 207],
      ],
      [[39, 49]],
      [207],
    ),
  },
  {
    code: "MD",
    name: "Maryland",
    population: 6177,
    regions: single(
      NY,
      [
        ["Baltimore", "212", 410],
        ["Frederick", "217", 301],
        ["Rockville", "208", 301],
        ["Annapolis", "214", 410],
        ["Hagerstown", "217", 301],
        ["Salisbury", "218", 410],
      ],
      [[206, 219]],
      [227, 240, 301, 410, 443, 667],
    ),
  },
  {
    code: "MA",
    name: "Massachusetts",
    population: 7030,
    regions: single(
      NY,
      [
        ["Boston", "021", 617],
        ["Worcester", "016", 508],
        ["Springfield", "011", 413],
        ["Lowell", "018", 978],
        ["Cambridge", "021", 617],
        ["New Bedford", "027", 508],
      ],
      [
        [10, 27],
        [55, 55],
      ],
      [339, 351, 413, 508, 617, 774, 781, 857, 978],
    ),
  },
  {
    code: "MI",
    name: "Michigan",
    population: 10077,
    regions: [
      {
        zone: "America/Detroit",
        weight: 0.985,
        cities: [
          ["Detroit", "482", 313],
          ["Grand Rapids", "495", 616],
          ["Lansing", "489", 517],
          ["Ann Arbor", "481", 734],
          ["Flint", "485", 810],
          ["Marquette", "498", 906],
        ],
        zipRanges: [[480, 499]],
        areaCodes: [231, 248, 269, 313, 517, 586, 616, 679, 734, 810, 906, 947, 989],
      },
      // Four Upper Peninsula counties bordering Wisconsin are on Central time.
      {
        zone: "America/Menominee",
        weight: 0.015,
        cities: [
          ["Menominee", "498", 906],
          ["Iron Mountain", "498", 906],
          ["Ironwood", "499", 906],
        ],
        zipRanges: [[498, 499]],
        areaCodes: [906],
      },
    ],
  },
  {
    code: "MN",
    name: "Minnesota",
    population: 5706,
    regions: single(
      CHI,
      [
        ["Minneapolis", "554", 612],
        ["Saint Paul", "551", 651],
        ["Rochester", "559", 507],
        ["Duluth", "558", 218],
        ["Bloomington", "554", 952],
        ["St. Cloud", "563", 320],
      ],
      [[550, 567]],
      [218, 320, 507, 612, 651, 763, 952],
    ),
  },
  {
    code: "MS",
    name: "Mississippi",
    population: 2961,
    regions: single(
      CHI,
      [
        ["Jackson", "392", 601],
        ["Gulfport", "395", 228],
        ["Hattiesburg", "394", 601],
        ["Southaven", "386", 662],
        ["Tupelo", "388", 662],
        ["Biloxi", "395", 228],
      ],
      [[386, 397]],
      [228, 601, 662, 769],
    ),
  },
  {
    code: "MO",
    name: "Missouri",
    population: 6154,
    regions: single(
      CHI,
      [
        ["Kansas City", "641", 816],
        ["St. Louis", "631", 314],
        ["Springfield", "658", 417],
        ["Columbia", "652", 573],
        ["Independence", "640", 816],
        ["Joplin", "648", 417],
      ],
      [[630, 658]],
      [314, 417, 573, 636, 660, 816],
    ),
  },
  {
    code: "MT",
    name: "Montana",
    population: 1084,
    regions: single(
      DEN,
      [
        ["Billings", "591", 406],
        ["Missoula", "598", 406],
        ["Great Falls", "594", 406],
        ["Bozeman", "597", 406],
        ["Helena", "596", 406],
      ],
      [[590, 599]],
      [406],
    ),
  },
  {
    code: "NE",
    name: "Nebraska",
    population: 1962,
    regions: [
      {
        zone: CHI,
        weight: 0.9,
        cities: [
          ["Omaha", "681", 402],
          ["Lincoln", "685", 402],
          ["Grand Island", "688", 308],
          ["Kearney", "688", 308],
          ["North Platte", "691", 308],
        ],
        zipRanges: [[680, 692]],
        areaCodes: [308, 402, 531],
      },
      // The panhandle and the southwest are on Mountain time.
      {
        zone: DEN,
        weight: 0.1,
        cities: [
          ["Scottsbluff", "693", 308],
          ["Alliance", "693", 308],
          ["Sidney", "691", 308],
          ["Ogallala", "691", 308],
        ],
        zipRanges: [[691, 693]],
        areaCodes: [308],
      },
    ],
  },
  {
    code: "NV",
    name: "Nevada",
    population: 3105,
    regions: single(
      LA,
      [
        ["Las Vegas", "891", 702],
        ["Henderson", "890", 702],
        ["Reno", "895", 775],
        ["Carson City", "897", 775],
        ["Sparks", "894", 775],
      ],
      [[889, 898]],
      [702, 725, 775],
    ),
  },
  {
    code: "NH",
    name: "New Hampshire",
    population: 1378,
    regions: single(
      NY,
      [
        ["Manchester", "031", 603],
        ["Nashua", "030", 603],
        ["Concord", "033", 603],
        ["Portsmouth", "038", 603],
      ],
      [[30, 38]],
      [603],
    ),
  },
  {
    code: "NJ",
    name: "New Jersey",
    population: 9289,
    regions: single(
      NY,
      [
        ["Newark", "071", 973],
        ["Jersey City", "073", 201],
        ["Paterson", "075", 973],
        ["Trenton", "086", 609],
        ["Camden", "081", 856],
        ["Edison", "088", 732],
        ["Toms River", "087", 732],
      ],
      [[70, 89]],
      [201, 551, 609, 640, 732, 848, 856, 862, 908, 973],
    ),
  },
  {
    code: "NM",
    name: "New Mexico",
    population: 2118,
    regions: single(
      DEN,
      [
        ["Albuquerque", "871", 505],
        ["Las Cruces", "880", 575],
        ["Santa Fe", "875", 505],
        ["Roswell", "882", 575],
        ["Farmington", "874", 505],
      ],
      [[870, 884]],
      [505, 575],
    ),
  },
  {
    code: "NY",
    name: "New York",
    population: 20201,
    regions: single(
      NY,
      [
        ["New York", "100", 212],
        ["Brooklyn", "112", 718],
        ["Bronx", "104", 718],
        ["Jamaica", "114", 718],
        ["Buffalo", "142", 716],
        ["Rochester", "146", 585],
        ["Syracuse", "132", 315],
        ["Albany", "122", 518],
        ["Yonkers", "107", 914],
      ],
      [
        [5, 5],
        [100, 149],
      ],
      [212, 315, 332, 347, 516, 518, 585, 607, 631, 646, 680, 716, 718, 838, 845, 914, 917, 929, 934],
    ),
  },
  {
    code: "NC",
    name: "North Carolina",
    population: 10439,
    regions: single(
      NY,
      [
        ["Charlotte", "282", 704],
        ["Raleigh", "276", 919],
        ["Greensboro", "274", 336],
        ["Durham", "277", 919],
        ["Winston-Salem", "271", 336],
        ["Fayetteville", "283", 910],
        ["Wilmington", "284", 910],
        ["Asheville", "288", 828],
      ],
      [[270, 289]],
      [252, 336, 472, 704, 743, 828, 910, 919, 980, 984],
    ),
  },
  {
    code: "ND",
    name: "North Dakota",
    population: 779,
    regions: [
      {
        zone: CHI,
        weight: 0.92,
        cities: [
          ["Fargo", "581", 701],
          ["Bismarck", "585", 701],
          ["Grand Forks", "582", 701],
          ["Minot", "587", 701],
        ],
        zipRanges: [[580, 588]],
        areaCodes: [701],
      },
      // The southwest corner is on Mountain time.
      {
        zone: DEN,
        weight: 0.08,
        cities: [
          ["Dickinson", "586", 701],
          ["Beach", "586", 701],
          ["Bowman", "586", 701],
        ],
        zipRanges: [[586, 586]],
        areaCodes: [701],
      },
    ],
  },
  {
    code: "OH",
    name: "Ohio",
    population: 11799,
    regions: single(
      NY,
      [
        ["Columbus", "432", 614],
        ["Cleveland", "441", 216],
        ["Cincinnati", "452", 513],
        ["Toledo", "436", 419],
        ["Akron", "443", 330],
        ["Dayton", "454", 937],
      ],
      [[430, 459]],
      [216, 220, 234, 330, 380, 419, 440, 513, 567, 614, 740, 937],
    ),
  },
  {
    code: "OK",
    name: "Oklahoma",
    population: 3959,
    regions: single(
      CHI,
      [
        ["Oklahoma City", "731", 405],
        ["Tulsa", "741", 918],
        ["Norman", "730", 405],
        ["Lawton", "735", 580],
        ["Broken Arrow", "740", 918],
      ],
      [
        [730, 731],
        [734, 741],
        [743, 749],
      ],
      [405, 539, 572, 580, 918],
    ),
  },
  {
    code: "OR",
    name: "Oregon",
    population: 4237,
    regions: [
      {
        zone: LA,
        weight: 0.98,
        cities: [
          ["Portland", "972", 503],
          ["Salem", "973", 503],
          ["Eugene", "974", 541],
          ["Bend", "977", 541],
          ["Medford", "975", 541],
        ],
        zipRanges: [[970, 979]],
        areaCodes: [458, 503, 541, 971],
      },
      // Most of Malheur County follows Boise, on Mountain time.
      {
        zone: "America/Boise",
        weight: 0.02,
        cities: [
          ["Ontario", "979", 541],
          ["Nyssa", "979", 541],
          ["Vale", "979", 541],
        ],
        zipRanges: [[979, 979]],
        areaCodes: [458, 541],
      },
    ],
  },
  {
    code: "PA",
    name: "Pennsylvania",
    population: 13003,
    regions: single(
      NY,
      [
        ["Philadelphia", "191", 215],
        ["Pittsburgh", "152", 412],
        ["Allentown", "181", 610],
        ["Erie", "165", 814],
        ["Reading", "196", 610],
        ["Scranton", "185", 570],
        ["Harrisburg", "171", 717],
        ["Lancaster", "176", 717],
      ],
      [[150, 196]],
      [215, 223, 267, 272, 412, 445, 484, 570, 610, 717, 724, 814, 878],
    ),
  },
  {
    code: "RI",
    name: "Rhode Island",
    population: 1097,
    regions: single(
      NY,
      [
        ["Providence", "029", 401],
        ["Warwick", "028", 401],
        ["Cranston", "029", 401],
        ["Pawtucket", "028", 401],
      ],
      [[28, 29]],
      [401],
    ),
  },
  {
    code: "SC",
    name: "South Carolina",
    population: 5119,
    regions: single(
      NY,
      [
        ["Columbia", "292", 803],
        ["Charleston", "294", 843],
        ["Greenville", "296", 864],
        ["Myrtle Beach", "295", 843],
        ["Rock Hill", "297", 803],
        ["Spartanburg", "293", 864],
      ],
      [[290, 299]],
      [803, 839, 843, 854, 864],
    ),
  },
  {
    code: "SD",
    name: "South Dakota",
    population: 887,
    regions: [
      {
        zone: CHI,
        weight: 0.7,
        cities: [
          ["Sioux Falls", "571", 605],
          ["Aberdeen", "574", 605],
          ["Brookings", "570", 605],
          ["Watertown", "572", 605],
          ["Mitchell", "573", 605],
        ],
        zipRanges: [[570, 576]],
        areaCodes: [605],
      },
      // West River, including the Black Hills, is on Mountain time.
      {
        zone: DEN,
        weight: 0.3,
        cities: [
          ["Rapid City", "577", 605],
          ["Spearfish", "577", 605],
          ["Sturgis", "577", 605],
        ],
        zipRanges: [[577, 577]],
        areaCodes: [605],
      },
    ],
  },
  {
    code: "TN",
    name: "Tennessee",
    population: 6911,
    regions: [
      {
        zone: CHI,
        weight: 0.62,
        cities: [
          ["Nashville", "372", 615],
          ["Memphis", "381", 901],
          ["Clarksville", "370", 931],
          ["Murfreesboro", "371", 615],
          ["Jackson", "383", 731],
        ],
        zipRanges: [
          [370, 372],
          [375, 375],
          [380, 385],
        ],
        areaCodes: [615, 629, 731, 901, 931],
      },
      // East Tennessee is on Eastern time.
      {
        zone: NY,
        weight: 0.38,
        cities: [
          ["Knoxville", "379", 865],
          ["Chattanooga", "374", 423],
          ["Johnson City", "376", 423],
          ["Kingsport", "376", 423],
        ],
        zipRanges: [
          [373, 374],
          [376, 379],
        ],
        areaCodes: [423, 865],
      },
    ],
  },
  {
    code: "TX",
    name: "Texas",
    population: 29146,
    regions: [
      {
        zone: CHI,
        weight: 0.97,
        cities: [
          ["Houston", "770", 713],
          ["Dallas", "752", 214],
          ["San Antonio", "782", 210],
          ["Austin", "787", 512],
          ["Fort Worth", "761", 817],
          ["Corpus Christi", "784", 361],
          ["Lubbock", "794", 806],
          ["Laredo", "780", 956],
          ["McAllen", "785", 956],
          ["Amarillo", "791", 806],
        ],
        zipRanges: [
          [733, 733],
          [750, 797],
        ],
        areaCodes: [
          210, 214, 254, 281, 325, 346, 361, 409, 430, 432, 469, 512, 682, 713, 726, 737, 806, 817, 830, 832, 903, 936,
          940, 945, 956, 972, 979,
        ],
      },
      // El Paso and Hudspeth counties are on Mountain time.
      {
        zone: DEN,
        weight: 0.03,
        cities: [
          ["El Paso", "799", 915],
          ["Socorro", "799", 915],
          ["Horizon City", "799", 915],
          ["Canutillo", "799", 915],
        ],
        zipRanges: [
          [798, 799],
          [885, 885],
        ],
        areaCodes: [915],
      },
    ],
  },
  {
    code: "UT",
    name: "Utah",
    population: 3272,
    regions: single(
      DEN,
      [
        ["Salt Lake City", "841", 801],
        ["West Valley City", "841", 385],
        ["Provo", "846", 801],
        ["Ogden", "844", 801],
        ["St. George", "847", 435],
        ["Logan", "843", 435],
      ],
      [[840, 847]],
      [385, 435, 801],
    ),
  },
  {
    code: "VT",
    name: "Vermont",
    population: 643,
    regions: single(
      NY,
      [
        ["Burlington", "054", 802],
        ["Rutland", "057", 802],
        ["Montpelier", "056", 802],
        ["Barre", "056", 802],
      ],
      [
        [50, 54],
        [56, 59],
      ],
      [802],
    ),
  },
  {
    code: "VA",
    name: "Virginia",
    population: 8631,
    regions: single(
      NY,
      [
        ["Virginia Beach", "234", 757],
        ["Norfolk", "235", 757],
        ["Richmond", "232", 804],
        ["Arlington", "222", 703],
        ["Roanoke", "240", 540],
        ["Alexandria", "223", 703],
        ["Chesapeake", "233", 757],
        ["Lynchburg", "245", 434],
      ],
      [
        [201, 201],
        [220, 246],
      ],
      [276, 434, 540, 571, 703, 757, 804, 826, 948],
    ),
  },
  {
    code: "WA",
    name: "Washington",
    population: 7705,
    regions: single(
      LA,
      [
        ["Seattle", "981", 206],
        ["Spokane", "992", 509],
        ["Tacoma", "984", 253],
        ["Vancouver", "986", 360],
        ["Bellevue", "980", 425],
        ["Everett", "982", 425],
        ["Yakima", "989", 509],
      ],
      [[980, 994]],
      [206, 253, 360, 425, 509, 564],
    ),
  },
  {
    code: "WV",
    name: "West Virginia",
    population: 1794,
    regions: single(
      NY,
      [
        ["Charleston", "253", 304],
        ["Huntington", "257", 304],
        ["Morgantown", "265", 304],
        ["Parkersburg", "261", 304],
        ["Wheeling", "260", 304],
      ],
      [[247, 268]],
      [304, 681],
    ),
  },
  {
    code: "WI",
    name: "Wisconsin",
    population: 5894,
    regions: single(
      CHI,
      [
        ["Milwaukee", "532", 414],
        ["Madison", "537", 608],
        ["Green Bay", "543", 920],
        ["Kenosha", "531", 262],
        ["Racine", "534", 262],
        ["Appleton", "549", 920],
        ["Eau Claire", "547", 715],
      ],
      [[530, 549]],
      [262, 274, 414, 534, 608, 715, 920],
    ),
  },
  {
    code: "WY",
    name: "Wyoming",
    population: 577,
    regions: single(
      DEN,
      [
        ["Cheyenne", "820", 307],
        ["Casper", "826", 307],
        ["Laramie", "820", 307],
        ["Gillette", "827", 307],
        ["Rock Springs", "829", 307],
      ],
      [[820, 831]],
      [307],
    ),
  },
];

export function stateByCode(code: string): UsState | undefined {
  return US_STATES.find((s) => s.code === code);
}

/** Every IANA zone used by some state, in first-seen order. */
export const US_TIME_ZONES: readonly string[] = [...new Set(US_STATES.flatMap((s) => s.regions.map((r) => r.zone)))];

/** All area codes of a state, deduplicated. */
export function stateAreaCodes(state: UsState): number[] {
  return [...new Set(state.regions.flatMap((r) => r.areaCodes))];
}

/** All ZIP prefix ranges of a state (regions may overlap; this is for display and validation, not sampling). */
export function stateZipRanges(state: UsState): (readonly [number, number])[] {
  return state.regions.flatMap((r) => r.zipRanges);
}

const areaCodeZones: ReadonlyMap<number, string | null> = (() => {
  const zones = new Map<number, Set<string>>();
  for (const state of US_STATES)
    for (const region of state.regions)
      for (const code of region.areaCodes) {
        const set = zones.get(code) ?? new Set<string>();
        set.add(region.zone);
        zones.set(code, set);
      }
  return new Map([...zones].map(([code, set]) => [code, set.size === 1 ? [...set][0]! : null]));
})();

/**
 * The zone an area code implies, or null when it spans zones (208 covers Boise and the Pacific panhandle) or is
 * unknown. Weaker evidence than an address: mobile numbers move with their owners.
 */
export function areaCodeZone(areaCode: number): string | null {
  return areaCodeZones.get(areaCode) ?? null;
}
