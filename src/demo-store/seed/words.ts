/** Vocabulary for the seeded apparel & home-goods catalog and its customers. */

export const BRANDS = [
  'Northwind Basics', 'Harbor & Pine', 'Alder Loom', 'Cedar & Co.', 'Fjord Outfitters', 'Maple Street', 'Tidewater',
  'Oak & Ember', 'Linden Home', 'Saltmarsh', 'Bluefield', 'Kestrel', 'Willow Lane', 'Stonebridge', 'Juniper Thread',
  'Copperline', 'Meadowbrook', 'Granite Peak', 'Sable & Silk', 'Ironwood Kitchen', 'Brightwater Bath', 'Hearthstone',
  'Morrow Denim', 'Coastal Knit', 'Summit Trail', 'Folded Linen Co.', 'Quill & Clay', 'Wrenfield', 'Larkspur', 'Ashby',
];

export type SizeScale = 'adult' | 'kids' | 'bed' | 'towel' | 'onesize';

export interface LeafSpec {
  path: string[]; // category names from the top level down
  code: string; // SKU segment
  nouns: string[];
  price: [number, number];
  weight: [number, number];
  sizes: SizeScale;
  colorful: boolean; // has a Color option when it has options
  optionShare: number; // share of products that have options/variants
}

const APPAREL = 0.8;
export const LEAVES: LeafSpec[] = [
  { path: ['Women', 'Tops'], code: 'WTP', nouns: ['Tee', 'Blouse', 'Tank', 'Henley', 'Camisole', 'Tunic'], price: [18, 69], weight: [0.2, 0.6], sizes: 'adult', colorful: true, optionShare: APPAREL },
  { path: ['Women', 'Dresses'], code: 'WDR', nouns: ['Wrap Dress', 'Shirt Dress', 'Maxi Dress', 'Slip Dress', 'Sundress'], price: [39, 149], weight: [0.3, 0.9], sizes: 'adult', colorful: true, optionShare: APPAREL },
  { path: ['Women', 'Outerwear'], code: 'WOW', nouns: ['Trench Coat', 'Puffer Jacket', 'Rain Shell', 'Wool Coat', 'Denim Jacket'], price: [69, 249], weight: [0.8, 2.4], sizes: 'adult', colorful: true, optionShare: APPAREL },
  { path: ['Women', 'Knitwear'], code: 'WKN', nouns: ['Cardigan', 'Crewneck Sweater', 'Turtleneck', 'Pullover', 'Knit Vest'], price: [45, 159], weight: [0.4, 1.1], sizes: 'adult', colorful: true, optionShare: APPAREL },
  { path: ['Men', 'Shirts'], code: 'MSH', nouns: ['Oxford Shirt', 'Flannel Shirt', 'Polo', 'Chambray Shirt', 'Camp Shirt'], price: [29, 98], weight: [0.3, 0.7], sizes: 'adult', colorful: true, optionShare: APPAREL },
  { path: ['Men', 'Trousers'], code: 'MTR', nouns: ['Chinos', 'Jeans', 'Cargo Pants', 'Joggers', 'Trousers'], price: [39, 129], weight: [0.5, 1.2], sizes: 'adult', colorful: true, optionShare: APPAREL },
  { path: ['Men', 'Outerwear'], code: 'MOW', nouns: ['Parka', 'Field Jacket', 'Bomber Jacket', 'Overshirt', 'Peacoat'], price: [79, 279], weight: [0.9, 2.6], sizes: 'adult', colorful: true, optionShare: APPAREL },
  { path: ['Men', 'Knitwear'], code: 'MKN', nouns: ['Quarter-Zip', 'Fisherman Sweater', 'Cardigan', 'Crewneck'], price: [49, 169], weight: [0.5, 1.2], sizes: 'adult', colorful: true, optionShare: APPAREL },
  { path: ['Kids', 'Baby'], code: 'KBY', nouns: ['Bodysuit', 'Romper', 'Sleep Sack', 'Bib Set'], price: [12, 39], weight: [0.1, 0.3], sizes: 'kids', colorful: true, optionShare: APPAREL },
  { path: ['Kids', 'Boys'], code: 'KBO', nouns: ['Graphic Tee', 'Hoodie', 'Shorts', 'Rain Jacket'], price: [14, 59], weight: [0.2, 0.8], sizes: 'kids', colorful: true, optionShare: APPAREL },
  { path: ['Kids', 'Girls'], code: 'KGI', nouns: ['Leggings', 'Pinafore', 'Cardigan', 'Party Dress'], price: [14, 59], weight: [0.2, 0.7], sizes: 'kids', colorful: true, optionShare: APPAREL },
  { path: ['Accessories', 'Bags'], code: 'ABG', nouns: ['Tote Bag', 'Backpack', 'Crossbody Bag', 'Weekender', 'Belt Bag'], price: [25, 189], weight: [0.3, 1.8], sizes: 'onesize', colorful: true, optionShare: 0.5 },
  { path: ['Accessories', 'Hats'], code: 'AHT', nouns: ['Beanie', 'Baseball Cap', 'Bucket Hat', 'Sun Hat'], price: [16, 48], weight: [0.1, 0.3], sizes: 'onesize', colorful: true, optionShare: 0.6 },
  { path: ['Accessories', 'Scarves'], code: 'ASC', nouns: ['Wool Scarf', 'Silk Scarf', 'Bandana', 'Wrap'], price: [18, 89], weight: [0.1, 0.4], sizes: 'onesize', colorful: true, optionShare: 0.6 },
  { path: ['Home', 'Kitchen', 'Cookware'], code: 'HCK', nouns: ['Skillet', 'Dutch Oven', 'Saucepan', 'Stock Pot', 'Sheet Pan'], price: [24, 229], weight: [1.2, 9.5], sizes: 'onesize', colorful: true, optionShare: 0.35 },
  { path: ['Home', 'Kitchen', 'Tableware'], code: 'HTW', nouns: ['Dinner Plate Set', 'Pasta Bowl', 'Mug Set', 'Serving Platter', 'Tumbler Set'], price: [14, 119], weight: [0.8, 6.0], sizes: 'onesize', colorful: true, optionShare: 0.4 },
  { path: ['Home', 'Kitchen', 'Utensils'], code: 'HUT', nouns: ['Chef Knife', 'Wooden Spoon Set', 'Whisk', 'Cutting Board', 'Spatula'], price: [8, 139], weight: [0.2, 2.5], sizes: 'onesize', colorful: false, optionShare: 0 },
  { path: ['Home', 'Bedding', 'Sheets'], code: 'HSH', nouns: ['Sheet Set', 'Fitted Sheet', 'Flat Sheet'], price: [49, 219], weight: [1.5, 4.0], sizes: 'bed', colorful: true, optionShare: 0.9 },
  { path: ['Home', 'Bedding', 'Duvets'], code: 'HDV', nouns: ['Duvet Cover', 'Down Duvet', 'Quilt'], price: [89, 349], weight: [2.0, 6.5], sizes: 'bed', colorful: true, optionShare: 0.9 },
  { path: ['Home', 'Bedding', 'Pillows'], code: 'HPL', nouns: ['Pillowcase Pair', 'Down Pillow', 'Body Pillow'], price: [19, 119], weight: [0.5, 2.5], sizes: 'bed', colorful: false, optionShare: 0.5 },
  { path: ['Home', 'Bath'], code: 'HBT', nouns: ['Towel', 'Bath Mat', 'Robe', 'Shower Curtain'], price: [15, 129], weight: [0.5, 2.5], sizes: 'towel', colorful: true, optionShare: 0.75 },
  { path: ['Home', 'Decor', 'Candles'], code: 'HCN', nouns: ['Pillar Candle', 'Soy Candle', 'Taper Candles', 'Tea Light Set'], price: [9, 59], weight: [0.3, 1.5], sizes: 'onesize', colorful: false, optionShare: 0 },
  { path: ['Home', 'Decor', 'Cushions'], code: 'HCU', nouns: ['Throw Pillow', 'Cushion Cover', 'Floor Cushion'], price: [19, 99], weight: [0.3, 2.0], sizes: 'onesize', colorful: true, optionShare: 0.6 },
  { path: ['Home', 'Decor', 'Throws'], code: 'HTH', nouns: ['Knit Throw', 'Wool Blanket', 'Fleece Throw'], price: [39, 179], weight: [0.8, 2.5], sizes: 'onesize', colorful: true, optionShare: 0.5 },
  { path: ['Home', 'Lighting'], code: 'HLT', nouns: ['Table Lamp', 'Floor Lamp', 'Pendant Light', 'Reading Lamp'], price: [39, 299], weight: [1.5, 12.0], sizes: 'onesize', colorful: false, optionShare: 0 },
];

export const ADJECTIVES = [
  'Classic', 'Relaxed', 'Everyday', 'Heritage', 'Essential', 'Organic', 'Coastal', 'Modern', 'Vintage', 'Lightweight',
  'Heavyweight', 'Slim', 'Oversized', 'Cozy', 'Textured', 'Washed', 'Brushed', 'Ribbed', 'Quilted', 'Minimalist',
  'Rustic', 'Nordic', 'Weekend', 'Studio', 'Harbor', 'Alpine', 'Prairie', 'Urban', 'Garden', 'Soft',
];

export const MATERIALS = [
  'Cotton', 'Linen', 'Merino', 'Cashmere', 'Denim', 'Flannel', 'Jersey', 'Twill', 'Fleece', 'Canvas', 'Stoneware',
  'Cast Iron', 'Bamboo', 'Percale', 'Sateen', 'Waffle', 'Terry', 'Oak', 'Ceramic', 'Brass',
];

export const COLORS: Array<[string, string, string]> = [
  ['Navy', '#1F2A44', 'NAV'], ['Black', '#111111', 'BLK'], ['White', '#FFFFFF', 'WHT'], ['Heather Grey', '#A8A9AD', 'HGR'],
  ['Olive', '#708238', 'OLV'], ['Rust', '#B7410E', 'RST'], ['Sand', '#C2B280', 'SND'], ['Forest', '#228B22', 'FOR'],
  ['Burgundy', '#800020', 'BUR'], ['Sky Blue', '#87CEEB', 'SKY'], ['Blush', '#DE5D83', 'BLS'], ['Charcoal', '#36454F', 'CHR'],
  ['Ivory', '#FFFFF0', 'IVR'], ['Sage', '#9CAF88', 'SAG'], ['Terracotta', '#E2725B', 'TER'], ['Mustard', '#E1AD01', 'MUS'],
];

export const SIZE_SCALES: Record<Exclude<SizeScale, 'onesize'>, string[]> = {
  adult: ['XS', 'S', 'M', 'L', 'XL', 'XXL'],
  kids: ['2T', '3T', '4T', '5', '6', '7', '8'],
  bed: ['Twin', 'Full', 'Queen', 'King', 'California King'],
  towel: ['Hand', 'Bath', 'Bath Sheet'],
};

export const FIRST_NAMES = [
  'Olivia', 'Liam', 'Emma', 'Noah', 'Ava', 'Oliver', 'Sophia', 'Elijah', 'Isabella', 'James', 'Mia', 'William',
  'Amelia', 'Benjamin', 'Harper', 'Lucas', 'Evelyn', 'Henry', 'Abigail', 'Alexander', 'Emily', 'Daniel', 'Ella',
  'Matthew', 'Grace', 'Samuel', 'Chloe', 'David', 'Lily', 'Joseph', 'Hannah', 'Carter', 'Zoe', 'Owen', 'Nora',
  'Wyatt', 'Riley', 'John', 'Aria', 'Jack', 'Layla', 'Luke', 'Ellie', 'Jayden', 'Stella', 'Dylan', 'Maya', 'Levi',
  'Priya', 'Arjun', 'Mei', 'Hiroshi', 'Fatima', 'Omar', 'Sofia', 'Mateo', 'Lena', 'Jonas', 'Anna', 'Felix', 'Clara',
  'Lukas', 'Marie', 'Finn', 'Elena', 'Paul', 'Julia', 'Leon', 'Hana', 'Kofi', 'Amara', 'Diego', 'Camila', 'Ines',
];

export const LAST_NAMES = [
  'Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Garcia', 'Miller', 'Davis', 'Rodriguez', 'Martinez', 'Hernandez',
  'Lopez', 'Gonzalez', 'Wilson', 'Anderson', 'Thomas', 'Taylor', 'Moore', 'Jackson', 'Martin', 'Lee', 'Perez',
  'Thompson', 'White', 'Harris', 'Sanchez', 'Clark', 'Ramirez', 'Lewis', 'Robinson', 'Walker', 'Young', 'Allen',
  'King', 'Wright', 'Scott', 'Torres', 'Nguyen', 'Hill', 'Flores', 'Green', 'Adams', 'Nelson', 'Baker', 'Hall',
  'Rivera', 'Campbell', 'Mitchell', 'Carter', 'Roberts', 'Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber',
  'Meyer', 'Wagner', 'Becker', 'Hoffmann', 'Schulz', 'Koch', 'Richter', 'Patel', 'Kim', 'Tanaka', 'Okafor', "O'Brien",
  'Dubois', 'Rossi', 'Novak', 'Jansen', 'Larsen', 'Silva', 'Moriarty',
];

export const COMPANIES = [
  'Bluebird Boutique', 'Elm Street Interiors', 'Harbor Hospitality Group', 'Copper Kettle Café', 'Lakeside Lodge',
  'Studio Nine Design', 'Pinecrest Property Mgmt', 'Sunrise Yoga Collective', 'Atlas Uniform Supply', 'Greenleaf Florist',
];

export interface CityInfo {
  city: string;
  state: string;
  zip: string;
  country: string;
  iso2: string;
  phonePrefix: string;
}

export const US_CITIES: CityInfo[] = [
  { city: 'Austin', state: 'Texas', zip: '78701', country: 'United States', iso2: 'US', phonePrefix: '512' },
  { city: 'Portland', state: 'Oregon', zip: '97205', country: 'United States', iso2: 'US', phonePrefix: '503' },
  { city: 'Denver', state: 'Colorado', zip: '80202', country: 'United States', iso2: 'US', phonePrefix: '303' },
  { city: 'Chicago', state: 'Illinois', zip: '60611', country: 'United States', iso2: 'US', phonePrefix: '312' },
  { city: 'Brooklyn', state: 'New York', zip: '11201', country: 'United States', iso2: 'US', phonePrefix: '718' },
  { city: 'Seattle', state: 'Washington', zip: '98101', country: 'United States', iso2: 'US', phonePrefix: '206' },
  { city: 'Atlanta', state: 'Georgia', zip: '30303', country: 'United States', iso2: 'US', phonePrefix: '404' },
  { city: 'Madison', state: 'Wisconsin', zip: '53703', country: 'United States', iso2: 'US', phonePrefix: '608' },
  { city: 'San Diego', state: 'California', zip: '92101', country: 'United States', iso2: 'US', phonePrefix: '619' },
  { city: 'Burlington', state: 'Vermont', zip: '05401', country: 'United States', iso2: 'US', phonePrefix: '802' },
];

export const EU_CITIES: CityInfo[] = [
  { city: 'Berlin', state: 'Berlin', zip: '10115', country: 'Germany', iso2: 'DE', phonePrefix: '+49 30' },
  { city: 'Hamburg', state: 'Hamburg', zip: '20095', country: 'Germany', iso2: 'DE', phonePrefix: '+49 40' },
  { city: 'München', state: 'Bayern', zip: '80331', country: 'Germany', iso2: 'DE', phonePrefix: '+49 89' },
  { city: 'Amsterdam', state: 'Noord-Holland', zip: '1012 AB', country: 'Netherlands', iso2: 'NL', phonePrefix: '+31 20' },
  { city: 'Wien', state: 'Wien', zip: '1010', country: 'Austria', iso2: 'AT', phonePrefix: '+43 1' },
  { city: 'Lyon', state: 'Auvergne-Rhône-Alpes', zip: '69002', country: 'France', iso2: 'FR', phonePrefix: '+33 4' },
  { city: 'Milano', state: 'Lombardia', zip: '20121', country: 'Italy', iso2: 'IT', phonePrefix: '+39 02' },
  { city: 'Madrid', state: 'Madrid', zip: '28013', country: 'Spain', iso2: 'ES', phonePrefix: '+34 91' },
];

export const STREETS = [
  'Maple Ave', 'Oak St', 'Cedar Ln', 'Pine Rd', 'Elm St', 'Harbor Blvd', 'Lakeview Dr', 'Main St', 'Park Pl',
  'Willow Way', 'Sunset Blvd', 'River Rd', 'Hillcrest Ave', 'Meadow Ln', 'Birch Ct',
];

export const EU_STREETS = [
  'Hauptstraße', 'Gartenweg', 'Bahnhofstraße', 'Lindenallee', 'Kirchplatz', 'Prinsengracht', 'Rue de la République',
  'Via Roma', 'Calle Mayor', 'Schillerstraße',
];

export const EMAIL_DOMAINS = ['example.com', 'example.net', 'example.org', 'mail.example.com'];
