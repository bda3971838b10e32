"""Fictional roster source data for the `fresh` redaction evaluation set.

Every person, school and district below is invented.  E-mail addresses are
derived from names and only use example.org / example.com / example.net;
phone numbers only use 555-01xx lines.
"""

# key: (formal name, district key, kind-of-school)
DISTRICTS = {
    "HV": {"name": "Harmon Valley Unified School District", "short": "HVUSD",
           "area": "530", "domain": "example.org", "email": "first.last"},
    "CP": {"name": "Cedar Prairie Public Schools", "short": "CPPS",
           "area": "319", "domain": "example.com", "email": "flast"},
    "WC": {"name": "Washington County Schools", "short": "WCS",
           "area": "606", "domain": "example.net", "email": "first.last"},
    "NB": {"name": "North Bexley School District", "short": "NBSD",
           "area": "614", "domain": "example.org", "email": "firstl"},
    "TG": {"name": "Tallgrass Independent School District", "short": "Tallgrass ISD",
           "area": "580", "domain": "example.com", "email": "first_last"},
    "PA": {"name": "Port Anselm Unified School District", "short": "PAUSD",
           "area": "808", "domain": "example.net", "email": "f.last"},
}

SCHOOLS = {
    # Harmon Valley
    "LIN": ("Lincoln Elementary School", "HV"),
    "HVHS": ("Harmon Valley High School", "HV"),
    "RPMS": ("Rosa Parks Middle School", "HV"),
    "MVELC": ("Mesa Verde Early Learning Center", "HV"),
    "STA": ("St. Anne's Catholic School", "HV"),
    # Cedar Prairie
    "PRHS": ("Prairie Ridge High School", "CP"),
    "RMS": ("Roosevelt Middle School", "CP"),
    "WCE": ("Willow Creek Elementary School", "CP"),
    "HCCS": ("Horizon Collegiate Charter School", "CP"),
    # Washington County
    "FDA": ("Frederick Douglass Academy", "WC"),
    "OAK": ("Oakmont K-8", "WC"),
    "WCHS": ("Washington County High School", "WC"),
    "SEQ": ("Sequoyah Elementary School", "WC"),
    # North Bexley
    "MAMS": ("Maya Angelou Middle School", "NB"),
    "NBHS": ("North Bexley High School", "NB"),
    "BHE": ("Bexley Heights Elementary School", "NB"),
    "STC": ("St. Casimir School", "NB"),
    # Tallgrass
    "TELC": ("Tallgrass Early Learning Center", "TG"),
    "CCE": ("Cesar Chavez Elementary School", "TG"),
    "BMS": ("Bluestem Middle School", "TG"),
    "THS": ("Tallgrass High School", "TG"),
    # Port Anselm
    "HVE": ("Harbor View Elementary School", "PA"),
    "PAHS": ("Port Anselm High School", "PA"),
    "KAL": ("Kalani Academy", "PA"),
    "SLCS": ("Summit Leadership Charter School", "PA"),
}

# (first, last, nickname or None, school key or None, district key, role)
PEOPLE = [
    # Harmon Valley district office
    ("Patricia", "Okafor", "Trish", None, "HV", "Director of Leadership Development"),
    ("Daniel", "Reyes-Whitaker", "Danny", None, "HV", "Assistant Superintendent"),
    ("Hope", "Nakamura", None, None, "HV", "Principal Pipeline Coordinator"),
    # Lincoln Elementary
    ("Marisol", "Gutierrez", "Mari", "LIN", "HV", "Principal"),
    ("Grant", "Little", None, "LIN", "HV", "Assistant Principal"),
    ("Lan", "Nguyen", None, "LIN", "HV", "Kindergarten Teacher"),
    ("Kevin", "O'Brien", None, "LIN", "HV", "Instructional Coach"),
    # Harmon Valley HS
    ("Darnell", "Washington", None, "HVHS", "HV", "Principal"),
    ("Soo-jin", "Park", "Sue", "HVHS", "HV", "Assistant Principal"),
    ("Miles", "Abernathy", None, "HVHS", "HV", "Science Teacher"),
    ("Fatima", "Al-Sayed", None, "HVHS", "HV", "Counselor"),
    ("Bogdan", "Kowalczyk", "Bo", "HVHS", "HV", "Math Teacher"),
    # Rosa Parks MS
    ("LaToya", "Jenkins", None, "RPMS", "HV", "Principal"),
    ("Will", "Tran", None, "RPMS", "HV", "Assistant Principal"),
    ("Amina", "Farah", None, "RPMS", "HV", "ELA Teacher"),
    ("Jacob", "Whitehorse", "Jake", "RPMS", "HV", "Social Studies Teacher"),
    # Mesa Verde ELC
    ("Dawn", "Kealoha", None, "MVELC", "HV", "Center Director"),
    ("Priya", "Raman", None, "MVELC", "HV", "Pre-K Teacher"),
    ("Rebecca", "Stone", "Becky", "MVELC", "HV", "Early Literacy Coach"),
    ("Xiaoming", "Chen", "Sam", "MVELC", "HV", "Pre-K Teacher"),
    # St. Anne's
    ("Margaret", "Doyle", "Peg", "STA", "HV", "Principal"),
    ("Tomasz", "Wisniewski", "Tom", "STA", "HV", "Teacher"),
    ("Rose", "Alvarado", None, "STA", "HV", "Teacher"),
    # Cedar Prairie district office
    ("Gregory", "Hamilton", "Greg", None, "CP", "Superintendent"),
    ("Yolanda", "Price", None, None, "CP", "Director of Equity"),
    ("Arjun", "Mehta", None, None, "CP", "Data Coordinator"),
    # Prairie Ridge HS
    ("Brian", "Schultz", None, "PRHS", "CP", "Principal"),
    ("Keisha", "Marshall", None, "PRHS", "CP", "Assistant Principal"),
    ("Chase", "Pham", None, "PRHS", "CP", "History Teacher"),
    ("Mariam", "Hassan", None, "PRHS", "CP", "Chemistry Teacher"),
    ("Elena", "Popescu", "Lena", "PRHS", "CP", "Instructional Coach"),
    ("Hunter", "Reid", None, "PRHS", "CP", "Aspiring Principal Resident"),
    # Roosevelt MS
    ("Robert", "Lindqvist", "Bobby", "RMS", "CP", "Principal"),
    ("Ji-hoon", "Kim", "Jay", "RMS", "CP", "Assistant Principal"),
    ("Penny", "Castillo", None, "RMS", "CP", "Teacher"),
    ("Deshawn", "Carter", None, "RMS", "CP", "PE Teacher"),
    # Willow Creek Elementary
    ("Anne Marie", "Fitzgerald", None, "WCE", "CP", "Principal"),
    ("Faith", "Robinson", None, "WCE", "CP", "Second Grade Teacher"),
    ("Minh", "Hoang", None, "WCE", "CP", "Teacher"),
    ("Carlos", "Mendoza", None, "WCE", "CP", "Instructional Coach"),
    # Horizon Collegiate
    ("Jordan", "Ellis", None, "HCCS", "CP", "Executive Director"),
    ("Sunny", "Vu", None, "HCCS", "CP", "Teacher"),
    ("Abdirahman", "Warsame", None, "HCCS", "CP", "Teacher"),
    ("Natalia", "Petrova", "Nat", "HCCS", "CP", "Assistant Principal"),
    # Washington County district office
    ("Cheryl", "Banks", None, None, "WC", "Chief Academic Officer"),
    ("Eduardo", "Salinas", "Lalo", None, "WC", "District Leadership Coach"),
    ("Wen", "Li", None, None, "WC", "Title I Coordinator"),
    # Frederick Douglass Academy
    ("Marcus", "King", None, "FDA", "WC", "Principal"),
    ("Tamika", "Howard", None, "FDA", "WC", "Assistant Principal"),
    ("Joy", "Begay", None, "FDA", "WC", "Teacher"),
    ("Hyun-woo", "Cho", "Henry", "FDA", "WC", "Teacher"),
    ("Gabriela", "Ruiz", "Gaby", "FDA", "WC", "Counselor"),
    # Oakmont K-8
    ("Linda", "Frost", None, "OAK", "WC", "Principal"),
    ("Rahul", "Iyer", None, "OAK", "WC", "Assistant Principal"),
    ("Tevita", "Fifita", None, "OAK", "WC", "Teacher"),
    ("Svetlana", "Morozova", "Lana", "OAK", "WC", "Teacher"),
    # Washington County HS
    ("Terrence", "Odom", "TJ", "WCHS", "WC", "Principal"),
    ("Kathleen", "Fox", "Kate", "WCHS", "WC", "Assistant Principal"),
    ("Samir", "Haddad", None, "WCHS", "WC", "Teacher"),
    ("Thuy", "Le", None, "WCHS", "WC", "Teacher"),
    ("Cody", "Tsosie", None, "WCHS", "WC", "Instructional Coach"),
    # Sequoyah Elementary
    ("Winona", "Harjo", None, "SEQ", "WC", "Principal"),
    ("Erin", "McAllister", None, "SEQ", "WC", "Teacher"),
    ("Duc", "Truong", None, "SEQ", "WC", "Teacher"),
    ("Shanice", "Booker", None, "SEQ", "WC", "Assistant Principal"),
    # North Bexley district office
    ("Howard", "Feldman", None, None, "NB", "Superintendent"),
    ("Leilani", "Akana", None, None, "NB", "Director of Principal Supervision"),
    ("Omar", "Abdullah", None, None, "NB", "Talent Director"),
    # Maya Angelou MS
    ("Veronica", "Delgado", "Ronnie", "MAMS", "NB", "Principal"),
    ("Andre", "Baptiste", None, "MAMS", "NB", "Assistant Principal"),
    ("Hana", "Yoshida", None, "MAMS", "NB", "Teacher"),
    ("Krzysztof", "Nowak", "Kris", "MAMS", "NB", "Teacher"),
    ("Brittany", "Sullivan", None, "MAMS", "NB", "Instructional Coach"),
    ("Iris", "Carmichael", None, "MAMS", "NB", "Aspiring Principal Resident"),
    # North Bexley HS
    ("Stephen", "Baker", "Steve", "NBHS", "NB", "Principal"),
    ("Aaliyah", "Brooks", None, "NBHS", "NB", "Assistant Principal"),
    ("Eun-ji", "Lee", None, "NBHS", "NB", "Teacher"),
    ("Mohammed", "Yusuf", None, "NBHS", "NB", "Teacher"),
    ("Luis", "Ortega", None, "NBHS", "NB", "Teacher"),
    # Bexley Heights Elementary
    ("Catherine", "Walsh", "Kit", "BHE", "NB", "Principal"),
    ("Ayesha", "Siddiqui", None, "BHE", "NB", "Teacher"),
    ("Jamal", "Whitfield", None, "BHE", "NB", "Assistant Principal"),
    ("Quynh", "Dang", None, "BHE", "NB", "Teacher"),
    # St. Casimir
    ("Agnieszka", "Zielinska", "Aga", "STC", "NB", "Principal"),
    ("Michael", "Hill", "Mike", "STC", "NB", "Teacher"),
    ("Grace", "Kapule", None, "STC", "NB", "Teacher"),
    # Tallgrass district office
    ("Ronald", "Deschenie", "Ron", None, "TG", "Assistant Superintendent"),
    ("Maria Elena", "Torres", None, None, "TG", "Director of School Leadership"),
    ("Faisal", "Qureshi", None, None, "TG", "Data Analyst"),
    # Tallgrass ELC
    ("Melissa", "Sanders", "Missy", "TELC", "TG", "Center Director"),
    ("Huong", "Bui", None, "TELC", "TG", "Teacher"),
    ("Keoni", "Mahoe", None, "TELC", "TG", "Teacher"),
    # Cesar Chavez Elementary
    ("Adriana", "Villarreal", None, "CCE", "TG", "Principal"),
    ("Dawit", "Tesfaye", None, "CCE", "TG", "Assistant Principal"),
    ("Jennifer", "Wu", "Jen", "CCE", "TG", "Teacher"),
    ("Tyrone", "Gaines", None, "CCE", "TG", "Instructional Coach"),
    # Bluestem MS
    ("Heather", "Lindgren", None, "BMS", "TG", "Principal"),
    ("Ibrahim", "Mohamud", None, "BMS", "TG", "Assistant Principal"),
    ("Chloe", "Dubois", None, "BMS", "TG", "Teacher"),
    ("Manuel", "Ibarra", "Manny", "BMS", "TG", "Teacher"),
    # Tallgrass HS
    ("Garrett", "Wood", None, "THS", "TG", "Principal"),
    ("Seo-yeon", "Jung", None, "THS", "TG", "Assistant Principal"),
    ("Dmitri", "Volkov", None, "THS", "TG", "Teacher"),
    ("Tanya", "Sampson", None, "THS", "TG", "Counselor"),
    # Port Anselm district office
    ("Alicia", "Fernandez", None, None, "PA", "Superintendent"),
    ("Nathaniel", "Greer", "Nate", None, "PA", "Director of Leadership Pipeline"),
    ("Lupe", "Tuiasosopo", None, None, "PA", "Family Engagement Coordinator"),
    # Harbor View Elementary
    ("Joanne", "Kim-Sato", "Jo", "HVE", "PA", "Principal"),
    ("Vikram", "Desai", "Vik", "HVE", "PA", "Teacher"),
    ("Lisa", "Thornton", None, "HVE", "PA", "Assistant Principal"),
    # Port Anselm HS
    ("Raymond", "Castellanos", "Ray", "PAHS", "PA", "Principal"),
    ("Hamza", "Nur", None, "PAHS", "PA", "Teacher"),
    ("Kimberly", "Ashford", "Kim", "PAHS", "PA", "Assistant Principal"),
    ("Yusra", "Abdi", None, "PAHS", "PA", "Counselor"),
    # Kalani Academy
    ("Malia", "Fonoti", None, "KAL", "PA", "Principal"),
    ("Jae-won", "Shin", None, "KAL", "PA", "Teacher"),
    ("Derek", "Nakoa", None, "KAL", "PA", "Instructional Coach"),
    # Summit Leadership Charter
    ("Courtney", "Mills", None, "SLCS", "PA", "Principal"),
    ("Rashad", "Jefferson", None, "SLCS", "PA", "Assistant Principal"),
    ("Ana Lucia", "Paredes", None, "SLCS", "PA", "Teacher"),
]
