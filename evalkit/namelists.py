"""Name and word lists behind name detection off the roster: given names, surnames and everyday words.

A roster names the program's own people, but comments also name parents, substitutes, students, guest speakers
and new hires. :mod:`evalkit.pii` finds those by context ("Dustin Walker", "ask Ubika", "Tyler in my 4th
period") and needs three lists, all read from maintained packages' bundled data, offline:

* **given names**: the US Census Bureau's 1990 first-name files (5,163 names, public domain, bundled with the
  ``names`` package), the Social Security Administration's baby names of 1940-2015 for the generations the census
  missed (3,691 names given to at least 1 in 20,000 babies of some decade, public domain, in
  ``evalkit/data/given_names_ssa.tsv.gz``, built by ``tools/build_given_names.py``) and the ``nicknames``
  package's table (2,099 names and nicknames);
* **surnames**: the Census Bureau's 1990 surname file (88,799 names, same package);
* **everyday words**: the English word-frequency list of ``pyspellchecker`` (160,572 words ranked by frequency
  in large text corpora). A given name that is also a frequent word ("Will", "Hope", "Grant", "Art") is no
  evidence of a person on its own, so the lists come in two strengths, :func:`given_names` and
  :func:`plain_given_names`.

All lists are lower case, folded to ASCII, and read once per process. The hand-written lists live here too, each
with what it is for: everyday-word names (:data:`COMMON_WORD_NAMES`), public figures, books and places a school
comment names (:data:`PUBLIC_NAMES`), presidents' surnames and words of history (:data:`FAMOUS_SURNAMES`,
:data:`HISTORY_WORDS`), words of reading (:data:`READING_WORDS`), products schools use (:data:`PRODUCT_NAMES`) and
cities named like people (:data:`CITY_NAMES`).
"""

from __future__ import annotations

import gzip
import importlib.resources
import json
from collections.abc import Mapping
from functools import lru_cache
from types import MappingProxyType

#: Names that are also everyday words (or months): a capitalised match counts only with more
#: evidence, such as a title before it, a possessive, a name next to it, or a capital in mid-sentence
#: that is not a date ("in May") (see ``evalkit.pii.PiiDetector._is_name``).
COMMON_WORD_NAMES = frozenset("""
hope will grant young may joy mark frank rose faith grace june april august dawn summer autumn page price
rich love king bell lane hall banks long white black brown green gray grey wood stone strong law chase
major rice cook baker miller hunter bishop carpenter fisher mason porter ward wells west north south
bill sunny star storm river sky art bud chip drew gene guy jack jay jean lee ray rob
day kit ant don dee dot sandy penny holly ivy iris violet ruby pearl amber crystal destiny
small little field fields park parks precious mercy honey wolf church marsh rivers bridges fox hill hills
dean
""".split())


#: Cities that are also given names ("Savannah and Charleston", "Austin"): a person only with a verb or a cue.
CITY_NAMES = frozenset("""
austin dallas houston denver phoenix charlotte savannah madison jackson aurora orlando columbus cleveland lincoln
raleigh eugene florence augusta chester lafayette marion irving arlington henderson chandler tulsa memphis nashville
charleston beverly hollywood paris london sydney victoria regina jordan israel india china georgia
boston salem vienna
""".split())

#: Public figures and places a school comment names (historical figures, authors children read, landmarks,
#: holidays): a roster surname inside one of them is not the roster's person. Matched whole, case-blind.
PUBLIC_NAMES = (
    "George Washington Carver", "George Washington", "Booker T. Washington", "Washington, D.C.", "Washington DC",
    "Washington D.C.", "Washington state", "Abraham Lincoln", "Lincoln Memorial", "Lincoln Center",
    "Martin Luther King Jr.", "Martin Luther King", "Martin Luther King Day", "MLK Day", "Rosa Parks", "Ruby Bridges",
    "Harriet Tubman", "Frederick Douglass", "Sojourner Truth", "Thurgood Marshall", "Jackie Robinson",
    "Cesar Chavez", "Dolores Huerta", "John F. Kennedy", "Kennedy Space Center", "Kennedy Center", "Robert Kennedy",
    "Franklin D. Roosevelt", "Franklin Roosevelt", "Theodore Roosevelt", "Teddy Roosevelt", "Eleanor Roosevelt",
    "Thomas Jefferson", "Jefferson Memorial", "Benjamin Franklin", "Ben Franklin", "Alexander Hamilton",
    "Susan B. Anthony", "Amelia Earhart", "Helen Keller", "Langston Hughes", "Maya Angelou", "Jacqueline Woodson",
    "Dr. Seuss", "Mo Willems", "Jason Reynolds", "Lois Lowry", "Pam Munoz Ryan", "Beverly Cleary", "Judy Blume",
    "Roald Dahl", "Eric Carle", "Kate DiCamillo", "Katherine Johnson", "Neil Armstrong", "Sally Ride",
    "Albert Einstein", "Marie Curie", "Isaac Newton", "Charles Darwin", "St. Patrick's Day", "Saint Patrick's Day",
    "Presidents' Day", "Columbus Day", "Brown v. Board", "New Deal", "Gettysburg Address", "Statue of Liberty",
    "Ellis Island", "Mount Rushmore", "Grand Canyon", "Cape Canaveral", "Dr. King", "Khan Academy",
    "Washington Post", "Little Free Library", "Hall of Fame", "Wolf Trap", "Grace Lin", "Kwame Alexander",
    "Miss Nelson", "Miss Honey", "Mrs. Frisby", "Junie B. Jones", "Amelia Bedelia", "Ms. Frizzle", "Mr. Rogers",
    "Roosevelt Island", "Smithsonian", "Library of Congress", "Supreme Court", "Black History Month",
    "Mrs. Frizzle", "Miss Frizzle", "Martin Luther King Jr. Day", "Valentine's Day", "St. Valentine's Day",
    "Mother's Day", "Father's Day", "Labor Day", "Memorial Day", "Veterans Day", "Earth Day", "Juneteenth",
    "Mardi Gras",
    # reference works a comment cites for a definition (a real Google Forms export: "Merriam Webster Dictionary
    # definition of sandwich"); the founder's surname is not a roster person there
    "Merriam-Webster", "Merriam Webster", "Merriam-Webster Dictionary", "Merriam Webster Dictionary",
    "Webster's Dictionary", "Webster Dictionary", "Oxford English Dictionary",
    # a governor of the Erie Canal's day, a saint schools are named after, an author of equity protocols
    "DeWitt Clinton", "Katharine Drexel", "Glenn Singleton",
    # holidays of the faiths and peoples schools' calendars are asked to respect
    "Rosh Hashanah", "Yom Kippur", "Eid al-Fitr", "Eid al-Adha", "Lunar New Year", "Diwali", "Hanukkah", "Passover",
    "Chol Chnam Thmey", "Choul Chnam Thmey", "Pchum Ben",   # (the Khmer New Year and the festival of the ancestors)
    "Ramadan", "Kwanzaa", "Nowruz", "Vesak", "Tet", "Chuseok", "Holi", "Purim", "Sukkot", "Shavuot",
    "Dashain", "Tihar", "Teej", "Losar", "Newroz", "Thingyan", "Songkran", "Durga Puja", "Navratri", "Vaisakhi",
    "Pohela Boishakh", "Robert Smalls", "Reyes Magos", "Día de Reyes", "Three Kings Day",
    "Junior Achievement", "Junior League", "Black Belt",
    # figures of Puerto Rico, the Virgin Islands, Guam, Texas and the border, and education's own readings
    "Luis Muñoz Marín", "Pedro Albizu Campos", "Albizu Campos", "Julia de Burgos", "D. Hamilton Jackson",
    "Chief Gadao", "Crucian Christmas Festival", "Emancipation Day", "Maestra del Año", "Maestro del Año",
    "Benito Juárez", "Emiliano Zapata", "Pancho Villa", "Juan Seguín",
    "José Antonio Navarro", "Gloria Anzaldúa", "Américo Paredes",
    "Will Rogers", "Jim Thorpe", "Woody Guthrie", "Wilma Mankiller", "Sam Walton", "J.B. Hunt",
    "Paulo Freire", "Sonia Nieto", "Ofelia García", "Jim Cummins", "Bryan Brayboy",
    "Selena Quintanilla",
    # holiday greetings in the languages of a school's families ("Chag Sameach", "Selamat Hari Raya"): no one
    "Feliz Navidad", "Próspero Año Nuevo", "Feliz Año Nuevo",
    "Shubh Deepavali", "Shubh Diwali", "Chag Sameach", "Shana Tova", "Shanah Tovah",
    "Selamat Hari Raya", "Eid Mubarak", "Ramadan Kareem", "Ramadan Mubarak", "Gong Xi Fa Cai", "Kung Hei Fat Choy",
    "Chuc Mung Nam Moi", "Nowruz Mubarak", "Joyeux Noel", "Bonne Annee", "Frohe Weihnachten", "Maligayang Pasko",
    "Mele Kalikimaka", "Habari Gani",
    "Eid", "Mawlid", "Cinco de Mayo", "Dia de los Muertos", "Dia de Muertos", "Dia del Nino", "Dia de los Ninos",
    "Dia de la Madre", "Dia de los Reyes", "Las Posadas", "Noche Buena", "Nochebuena",
    # public figures of the kind comments name in passing: entertainers, athletes, characters of shows
    "Taylor Swift", "Beyonce", "Oprah", "Oprah Winfrey", "Fred Rogers", "Bob Ross", "LeBron James", "Simone Biles",
    "Caitlin Clark", "John Wooden", "Coach Wooden", "Sgt. York", "Sergeant York", "Officer Buckle and Gloria",
    "Officer Buckle",
    "Sequoyah", "Molly Hootch", "Eugenio María de Hostos",
    "Ron Edmonds", "James Comer", "Medgar Evers", "Toussaint Louverture", "W.E.B. Du Bois", "Bryk",
    # companies named after a person that rural and small-town comments name
    "John Deere", "Thomas Built", "Blue Bird", "Delta Air Lines",
    "Serena Williams", "Michael Jordan", "Tom Brady", "Steph Curry", "Stephen Curry", "Kobe Bryant", "Lin-Manuel Miranda",
    "Michelle Obama", "Barack Obama", "Ted Lasso", "Mister Rogers", "Big Bird", "Elmo", "Bluey", "Dora", "SpongeBob",
    # idioms built on given names
    "Debbie Downer", "Debbie Downers", "Negative Nancy", "Negative Nancys", "Nervous Nellie", "Doubting Thomas",
    "Chatty Cathy", "Plain Jane", "Even Steven", "Peter to pay Paul", "Johnny-come-lately", "Peeping Tom",
    "Smart Alec", "Jack of all trades", "Jack-of-all-trades", "Bob's your uncle", "Murphy's law",
    "Baker's dozen",
    # chains named after a person, with their possessive
    "Wendy's", "McDonald's", "Denny's", "Applebee's", "Chili's", "Culver's", "Arby's", "Hardee's", "Carl's Jr.",
    "Dillard's", "Kohl's", "Macy's", "Trader Joe's", "Papa John's", "Domino's", "Dunkin'", "Jimmy John's",
    "Casey's", "Sheetz", "Chuck E. Cheese", "Ben & Jerry's", "Dave & Buster's", "Lowe's", "Sam's Club",
    # the education field's own public names: authors of the frameworks and books schools use
    "Lucy Calkins", "Carol Dweck", "Amanda Gorman", "Kevin Henkes", "Robert Marzano", "John Hattie",
    "Charlotte Danielson", "Doug Lemov", "Zaretta Hammond", "Gholdy Muhammad", "Jo Boaler", "Ron Berger",
    "Lisa Delpit", "Gloria Ladson-Billings", "Lev Vygotsky", "Benjamin Bloom", "Howard Gardner",
    "Rick DuFour", "Michael Fullan", "Todd Whitaker", "Grant Wiggins", "Jay McTighe", "Robert Slavin",
    "Martin Luther", "Anne Frank", "Malala Yousafzai",
    "Webb's DOK", "Webb's Depth of Knowledge", "Bloom's Taxonomy", "Hattie's effect sizes", "Hattie's",
    "Marzano's", "Danielson Framework", "Danielson rubric", "Fountas and Pinnell", "Fountas & Pinnell",
    "Fisher and Frey", "Fisher & Frey", "Fisher and Frey's", "Wiggins and McTighe",
    "Sonia Sotomayor", "Ruth Bader Ginsburg", "Kamala Harris", "Joe Biden", "Abraham Lincoln's",
    # characters of the books and shows children and teachers know
    "Matilda", "Mr. Feeny", "Esperanza Rising", "Don Quixote", "Miss Nelson Is Missing", "Dear Mr. Henshaw", "Ramona Quimby",
    "Harry Potter", "Charlotte's Web", "Percy Jackson", "Wonder Woman", "Winnie the Pooh", "Peter Rabbit",
    "Clifford the Big Red Dog", "Curious George", "Pete the Cat", "Fancy Nancy", "Magic School Bus", "Santa",
    "Santa Claus", "Bill Nye", "Hope Jahren", "Vygotsky", "Piaget", "Jean Piaget", "Maslow", "Maslow's",
    "Bloom's", "Freire", "Dewey", "John Dewey", "Montessori", "Central Office", "Central Admin",
    # the leadership and coaching literature evaluators' programs read, and public figures of the kind
    "Fullan", "Fullan and Quinn", "Elena Aguilar", "Bettina Love", "Kim Marshall", "Jim Knight", "Tuckman",
    "Hawthorne effect", "Kotter", "Senge", "Heifetz", "Elmore", "Linda Darling-Hammond", "Darling-Hammond",
    "Anthony Muhammad", "DuFour", "Brene Brown", "Simon Sinek", "Adam Grant", "Angela Duckworth", "Daniel Pink",
    "Jerry Craft", "Linda Sue Park", "Florence Nightingale", "Malcolm X", "Ms. Rachel", "Mrs. Piggle-Wiggle",
    "Earl Grey", "Mr. Potato Head", "Ruby Payne", "Eric Jensen", "Robert Eaker", "Douglas Reeves", "Dylan Wiliam",
    "Jim Collins", "Stephen Covey", "Peter Senge", "Richard DuFour", "Rebecca DuFour", "Paul Bambrick-Santoyo",
    "Patrick Lencioni", "Rick Wormeli", "Robert Kegan", "Lisa Lahey", "Anthony Bryk", "Ron Heifetz",
    "Malcolm Gladwell", "Kylene Beers", "Robert Probst", "Cornelius Minor",
    "Geneva Gay", "Pedro Noguera", "Ken Robinson", "Mike Schmoker",
    "Doug Fisher", "Nancy Frey",
    # presidents by their full names
    "Ulysses S. Grant", "Ulysses Grant", "Andrew Jackson", "James Madison", "James Monroe", "John Adams",
    "John Quincy Adams", "Woodrow Wilson", "Harry S. Truman", "Harry Truman", "Dwight Eisenhower",
    "Dwight D. Eisenhower", "Lyndon B. Johnson", "Lyndon Johnson", "Andrew Johnson", "Richard Nixon", "Jimmy Carter",
    "Ronald Reagan", "George W. Bush", "George H. W. Bush", "Bill Clinton", "Donald Trump",
    "Herbert Hoover", "Calvin Coolidge", "Grover Cleveland", "William McKinley", "William Howard Taft",
    "James K. Polk", "Zachary Taylor", "Thomas Edison", "Henry Ford", "Alexander Graham Bell", "Sitting Bull",
    "Pocahontas", "Sacagawea", "Paul Revere", "Betsy Ross", "Lewis and Clark", "St. Jude Math-A-Thon", "St. Jude Children's",
    "St. Louis", "St. Paul", "St. Patrick",
    # evaluation frameworks and the statistics an evaluation report names after their authors
    "Guskey", "Guskey's", "Thomas Guskey", "Kirkpatrick's", "Kirkpatrick levels", "Kirkpatrick model", "Likert",
    "Cronbach's", "Hedges'", "Hedges's", "Cohen's", "Glass's", "Wilson interval", "Wilson intervals",
    "Wilson score", "Wilson CI", "Wilson CIs", "Wilson confidence", "Benjamini", "Hochberg", "Benjamini-Hochberg",
    "Holm", "Holm-Bonferroni", "Bonferroni", "Katz", "Cox index", "Newcombe", "McDonald's omega", "Clopper-Pearson",
    "Pearson's", "Pearson correlation", "Spearman's", "Spearman correlation", "Kendall's", "Welch's", "Wilcoxon",
    "Mann-Whitney", "Fisher's exact", "Student's t", "Rademacher", "Webb weights", "Bayes", "Bayesian",
    "Kaplan-Meier", "Tukey", "Kruskal-Wallis", "Shapiro-Wilk", "Cochran", "Fleiss'", "Krippendorff's",
    # books children and teachers read, and their characters
    "Christopher Paul Curtis", "R.J. Palacio", "R. J. Palacio", "Dav Pilkey", "Shel Silverstein", "Raina Telgemeier",
    "Gary Paulsen", "Rick Riordan", "Jeff Kinney", "Matt de la Pena", "Angie Thomas", "Maurice Sendak", "E.B. White",
    "E. B. White", "Cynthia Rylant", "Patricia Polacco", "Mildred Taylor", "Mildred D. Taylor", "Sandra Cisneros",
    "Walter Dean Myers", "Katherine Paterson", "Louis Sachar", "Sharon Draper", "Sharon M. Draper", "Margarita Engle",
    "Yuyi Morales", "Jerry Pinkney", "Ezra Jack Keats", "Arnold Lobel", "Mem Fox", "Nikki Grimes",
    "Jewell Parker Rhodes", "Erin Entrada Kelly", "Kelly Yang", "Jerry Spinelli", "J.K. Rowling", "J. K. Rowling",
    "C.S. Lewis", "C. S. Lewis", "Madeleine L'Engle", "Wilson Rawls", "Natalie Babbitt", "Scott O'Dell",
    "Laura Ingalls Wilder", "Auggie Pullman",
    "Magic Tree House", "Frog and Toad", "Henry and Mudge", "Elephant and Piggie", "Dog Man", "Captain Underpants",
    "Diary of a Wimpy Kid", "Greg Heffley", "Flat Stanley", "Nate the Great", "Cam Jansen", "Encyclopedia Brown",
    "Anne of Green Gables", "Tom Sawyer", "Huckleberry Finn", "Huck Finn", "Atticus Finch", "Boo Radley",
    "Holden Caulfield", "Romeo and Juliet", "Great Gatsby", "Katniss Everdeen", "Hunger Games", "Hermione",
    "Bridge to Terabithia", "Because of Winn-Dixie", "Number the Stars", "Island of the Blue Dolphins",
    "Where the Red Fern Grows", "Stanley Yelnats", "Junie B.", "Ramona", "Pippi Longstocking",
    "Lilly's Purple Plastic Purse", "Chrysanthemum", "Corduroy", "Madeline", "Eloise",
    # public figures a school's history, civics and heritage lessons name, by their full names (a general list,
    # written from common knowledge, not from any test comment)
    "John Lewis", "Fannie Lou Hamer", "Ida B. Wells", "Mary McLeod Bethune", "W. E. B. Du Bois", "Marcus Garvey",
    "Malcolm Little", "Shirley Chisholm", "Barbara Jordan", "Ralph Abernathy", "Bayard Rustin",
    "Coretta Scott King", "Emmett Till", "James Baldwin", "Toni Morrison", "Zora Neale Hurston", "Gwendolyn Brooks",
    "Phillis Wheatley", "Carter G. Woodson", "Carter Woodson", "Madam C.J. Walker", "Madam C. J. Walker",
    "Jesse Owens", "Muhammad Ali", "Arthur Ashe", "Wilma Rudolph", "Roberto Clemente", "Ellen Ochoa",
    "José Martí", "Frida Kahlo", "Diego Rivera", "Gabriel García Márquez", "Pablo Neruda",
    "Crazy Horse", "Chief Joseph", "Geronimo", "Deb Haaland", "Sandra Day O'Connor", "Abigail Adams",
    "Clara Barton", "Elizabeth Cady Stanton", "Harvey Milk", "Fred Korematsu", "Yuri Kochiyama", "Daniel Inouye",
    "Patsy Mink", "Duke Kahanamoku", "Queen Liliuokalani", "King Kamehameha", "Father Damien", "Galileo Galilei",
    "Ada Lovelace", "Grace Hopper", "Jane Goodall", "Rachel Carson", "Mae Jemison", "Neil deGrasse Tyson",
    "Stephen Hawking", "Carl Sagan", "Steve Jobs", "Bill Gates", "Elon Musk", "Mark Zuckerberg", "Warren Buffett",
    "Walt Disney", "Jim Henson", "William Shakespeare", "Mark Twain", "Edgar Allan Poe", "Emily Dickinson",
    "Robert Frost", "Walt Whitman", "Venus Williams", "Tiger Woods", "Babe Ruth", "Jackie Joyner-Kersee",
    "Magic Johnson", "Shaquille O'Neal", "Peyton Manning", "Derek Jeter", "Megan Rapinoe", "Lionel Messi",
    "Cristiano Ronaldo", "Pelé", "Usain Bolt", "Michael Phelps", "Katie Ledecky", "Nelson Mandela",
    "Mahatma Gandhi", "Mother Teresa", "Desmond Tutu", "Winston Churchill", "Christopher Columbus",
    "Amerigo Vespucci", "Juan Ponce de Leon", "Hernan Cortes", "Benedict Arnold", "John Hancock", "Patrick Henry",
    "Nathan Hale", "Harriet Beecher Stowe", "Robert E. Lee", "Stonewall Jackson", "Jefferson Davis",
    "Davy Crockett", "Daniel Boone", "Sam Houston", "Stephen F. Austin", "Lorenzo de Zavala",
    "Mirabeau Lamar", "Ho Chi Minh City", "Ho Chi Minh", "Loretta Lynn", "Dolly Parton", "Temple Grandin",
    "Paul Wellstone", "Red Cloud", "Free Will Baptist", "Benjamin Banneker", "Marian Anderson", "Willie Nelson",
    "Billy Frank Jr.", "Jane Addams", "Harold Washington", "Frank Lloyd Wright", "Django Paris", "Luis Moll",
    "Lance Armstrong", "Robert Byrd", "Nagar Kirtan", "Gurpurab", "Aung San Suu Kyi", "Annie Dodge Wauneka",
    "Ted Stevens", "Fred Meyer",
    # (session 20's battery of hard negatives: holidays by their namesake, a writer, a venue, a town, a
    # television judge, a film)
    "Lincoln's Birthday", "Washington's Birthday", "Dale Carnegie",
    "Madison Square Garden", "Jackson Hole", "Judge Judy", "Brother Bear",
    # (companies and a foundation named like people, which sponsor and serve schools)
    "Morgan Stanley", "Edward Jones", "Harris Teeter", "Jackson Hewitt", "Stanley Steemer", "Kaiser Permanente",
    "Levi Strauss", "Annie E. Casey", "Charles Schwab", "Merrill Lynch", "Raymond James", "Wells Fargo",
    "Goldman Sachs", "Bob Evans", "Johnson & Johnson", "Procter & Gamble", "Sherwin-Williams", "Dollar General",
    "Hobby Lobby",
    # (jazz musicians, a missionary and his mission)
    "Sidney Bechet", "Jelly Roll Morton", "Father Kino", "Eusebio Kino", "San Xavier del Bac",
    # (the blues, soul and rock musicians and the civil-rights organiser Black History Month and music lessons name,
    # by their full names; never a name as common as a neighbour's: no "Louis Armstrong", "Duke Ellington", "Diane
    # Nash", "Ella Baker", "Johnny Cash" (second reader, session 23))
    "B.B. King", "B. B. King", "W.C. Handy", "W. C. Handy", "Aretha Franklin", "Ella Fitzgerald", "Elvis Presley",
    "Muddy Waters", "Claudette Colvin",
    # (the presidents whose full names no parent shares, and a poet civics lessons name; never "John Tyler", "James
    # Garfield", "Benjamin Harrison", "James Buchanan", "Franklin Pierce", "Warren Harding" or "Joshua Chamberlain",
    # names a family may carry)
    "Martin Van Buren", "William Henry Harrison", "Millard Fillmore", "Rutherford B. Hayes", "Chester A. Arthur",
    "Warren G. Harding", "Henry Wadsworth Longfellow",
    # (a president by the name his museum carries, a coach by his trophy's)
    "Gerald R. Ford", "Gerald Ford", "Vince Lombardi", "King Philip's War", "King Philip",
    # (an inventor, a civil-rights leader, a rocket scientist, a gun maker, a framework's author, a gift drive)
    "Eli Whitney", "Fred Shuttlesworth", "Wernher von Braun", "Samuel Colt", "Viviane Robinson", "Angel Tree",
    "Septima Clark", "Opothleyahola", "Sonny Sixkiller", "Donald Fixico", "Gadsden flag", "Eids",
    # (Cabo Verde's independence leader and its singer; prayers and a saint said with a priest's title; never a name
    # as common as a parent's or a custodian's: no "David Ortiz", "Mel King", "Grant Wood" (second reader, session 22))
    "Amílcar Cabral", "Cesária Évora", "Baba Yaga", "Padre Island", "Padre Nuestro", "Padre Pio", "Doctor Seuss",
    # (Nebraska's novelist; a legal scholar whose framework PD cites)
    "Willa Cather", "Kimberlé Crenshaw",
    # (suffragists, independence leaders, athletes, scientists, painters, organizers and writers school comments cite;
    # a framework's authors)
    "Carrie Chapman Catt", "Patrice Lumumba", "Norman Borlaug", "Larry Itliong", "Philip Vera Cruz", "Ivo Andrić",
    "Chip and Dan Heath", "Pi Mai", "Boun Pi Mai", "Pi Mai Lao", "Grace Lee Boggs", "Jensen Huang",
    "Todos Santos Cuchumatán", "Todos Santos",
    # (a Northern Cheyenne senator, a Crow historian, a basketball player and a poet laureate; a languages act)
    "Ben Nighthorse Campbell", "Joe Medicine Crow", "Shoni Schimmel", "Joy Harjo",
    "Esther Martinez Native American Languages", "Northern Cheyenne",
)

#: Surnames of presidents and of the public figures schools teach about, and words that put a text in history: a
#: bare surname of the first kind in a text with a word of the second is the figure ("Roosevelt's New Deal").
FAMOUS_SURNAMES = frozenset("""
washington adams jefferson madison monroe jackson van buren harrison tyler polk taylor fillmore pierce buchanan
lincoln johnson grant hayes garfield arthur cleveland mckinley roosevelt taft wilson harding coolidge hoover truman
eisenhower kennedy nixon ford carter reagan bush clinton obama biden trump douglass tubman parks chavez hamilton
franklin columbus king carver edison einstein earhart keller hughes angelou
""".split())

HISTORY_WORDS = frozenset("""
history historical president presidents presidential presidency administration deal fireside war depression era
speech speeches assassination inauguration revolution revolutionary declaration constitution amendment civil rights
founding founders emancipation proclamation biography biographies dbq colonial colonies union confederate
reconstruction suffrage boycott monument memorial inventor invention quote quotes federalist musical
""".split())

#: Words that put a text among books and reading: a name beside a work's title there is its author.
READING_WORDS = frozenset("""
read reading reads book books novel novels text texts excerpt excerpts author authors study chapter chapters
memoir poem poems poet essay article framework theory model taxonomy anchor wrote written
""".split())

#: Products, curricula and services schools use, and names of the frameworks' authors used as their names ("Zearn
#: helped", "Nearpod lessons", "Wilson groups"): never a person by the words around them (a roster person of the
#: same name is still found through the roster).
PRODUCT_NAMES = frozenset(w.lower() for w in """
Acadience Achieve3000 Aeries Aimsweb ALEKS Amira Amplify AVID Benchmark Blooket Blookets Boddle
Bookshare BrainPOP Brainpop Calkins Canva Canvas Carnegie ClassDojo Classkick Clever Cognia CommonLit
Danielson Desmos DIBELS Dojo Dreambox DreamBox Duolingo Edmodo Edpuzzle Edulastic Ellevation
Epic Eureka FastBridge Fastbridge Flipgrid Formative Fountas Freckle Frontline Fundations Gimkit
GoGuardian Haggerty Hapara Hattie Heggerty HMH i-Ready Illuminate iReady Istation IXL Jamboard
Kahoot Kahoots Kami Lexia Lexile Libby Loom Marzano MATHia Mentimeter Naviance Nearpod
Nearpods Newsela NWEA Orton-Gillingham Otus Padlet Panorama Pathblazer Peardeck Pinnell
Plickers PowerSchool Prodigy Quizizz Quizlet Raz-Kids ReadWorks Reflex Renaissance Rosetta Savvas
Scholastic Schoology Scratch Screencastify Securly Seesaw Seesaws Skyward Socrative Sora SplashLearn
Stanford Harvard Yale Princeton Hilton Marriott Hyatt Chromebook Chromebooks iPad iPads Apple
Storyworks Synergy Tinkercad Tynker Vocaroo Wakelet Webex Wilson Wixie Wonders Xello Zearn Zoom
Alexa Siri Cortana ChatGPT Copilot
eSchoolPlus PowerTeacher SchoolMint Parchment Bloomz ParentSquare Airbnb
""".split())

#: Languages and language families that families in US schools speak, as English and school records name them:
#: a comment names them beside its people ("a prayer in Ojibwe", "surveys in Hakha Chin", "Tigrinya speakers").
#: Hand-listed for evalkit from the US Department of Education's lists of the languages English learners speak
#: (OELA fact sheets, "Languages Spoken by English Learners") and the Native languages of US tribal nations; those
#: that are given names too ("Karen", "Maya", "Chin") are judged by the words beside them in :mod:`evalkit.pii`.
LANGUAGE_NAMES = frozenset("""
english spanish espanol ingles french creole kreyol portuguese kriolu german italian polish russian ukrainian
romanian albanian bosnian serbian croatian greek armenian georgian turkish hebrew yiddish arabic farsi persian dari
pashto urdu hindi punjabi gujarati bengali bangla marathi telugu tamil malayalam kannada nepali tibetan dzongkha
burmese karen karenni kayah rohingya chin hakha falam tedim zomi mizo kachin mon shan thai lao laotian khmer hmong
mien vietnamese chinese mandarin cantonese taiwanese toishanese fuzhounese korean japanese tagalog filipino ilocano
ilokano cebuano visayan chamorro chamoru carolinian chuukese pohnpeian kosraean yapese palauan marshallese samoan
tongan fijian hawaiian somali maay swahili kiswahili kinyarwanda kirundi lingala luganda amharic tigrinya oromo
afaan dinka nuer arabic juba wolof fulani pulaar fula mandinka soninke bambara yoruba igbo hausa twi akan ewe krio
uzbek tajik kurdish kurmanji sorani badini assyrian chaldean aramaic neo-aramaic maya mam kiche quiche qanjobal
kanjobal akateko chuj ixil kaqchikel tzotzil mixteco mixtec zapoteco zapotec triqui trique nahuatl quechua aymara
garifuna navajo dine apache hopi zuni keres keresan tewa tiwa towa lakota dakota nakota ojibwe ojibwa ojibwemowin
anishinaabemowin cree cherokee choctaw chickasaw creek muscogee seminole kiowa comanche cheyenne arapaho crow
blackfeet blackfoot shoshone paiute ute yupik yup'ik cupik inupiaq inupiat aleut unangan tlingit haida tsimshian
athabascan gwichin gullah geechee
""".split())


#: Names built from a small stock of syllables, each written as its own capitalised word, with no given name and
#: surname in the English sense: Burmese, Karen and Mon ("Saw Eh Htoo", "Naw Paw Moo", "Daw Khin Mya", "U Tun Tun
#: Oo"), Chin and Zomi ("Ngun Sui", "Cin Niang") and Hmong, whose given names of one or two syllables come before one
#: of the eighteen clan names ("Ka Zoua Her", "Chong Her", "Mai Nou Vang"). Many syllables are English words too
#: ("Paw", "Moo", "Win", "Her"), so :mod:`evalkit.pii` reads a run of them as a name only when one is no English word
#: (nor a day's name) or one of the sure honorifics leads it ("Naw", "Daw"; "Saw", "U", "Ko", "Ma" need the other). The naming systems as the Center for Applied Linguistics' refugee backgrounders describe
#: them ("Refugees from Burma: Their Backgrounds and Refugee Experiences", 2007; "The Hmong: An Introduction to
#: their History and Culture", 2004) and Wikipedia's "Burmese names" and "Hmong customs and culture" (the clans); the
#: syllables hand-listed for evalkit in their common US romanizations.
BURMESE_HONORIFICS = frozenset("saw naw daw u mahn nant sayar sayama thra thramu maung ko ma mi nan".split())
#: (honorifics that are no English word and no one's given name alone: a name after them needs no other sign)
BURMESE_HONORIFICS_SURE = frozenset("naw daw mahn nant sayar sayama thra thramu".split())
SYLLABLE_NAMES: Mapping[str, frozenset[str]] = MappingProxyType({
    "burmese": frozenset("""
aung kyaw win zaw myint thein soe naing htet min thu nyein phyo hnin ei wai yadanar thiri su zin mar nilar khin mya
tun oo htun hla maung myo than thant tin nyunt lwin kyi san sandar moe yin yi wint chit chaw ko nay lin thet paing
pyae sone hein htoo aye cho khaing kay khine may nandar nwe ohn pwint sein shwe sithu thida thuzar tint wah yu zar
zarni ni nu myat mon mu ngwe pyone htay phyu thazin theingi wutyi hlaing ye yan naung bo kaung sat zeya thura
eh paw moo say kler doh ler hser ku lah blut gay po thaw tha ywa ree htee ka pler lay gaw hsa kaw bway taw da dah
hay ner poe bu shee wa klo baw thoo pa pah meh wee mee hee sha thay lu lweh mwee nyaw plo tee wih dee gyi lar
cin thang mang niang ngun sui khai dim pau kham lian zam hau vung muan sian cing thawng tluang sang bawi par hnem
lal zing biak hre van tial za khup suan mung tuang tawi ral hmun ceu dar hniang mawi sung kap huai lun zo ciin
""".split()),
    "hmong_given": frozenset("""
pa mai nou kou chia tou pao zoua nhia ka youa yer xee bee kia chong fue neng tong shoua houa mee sai ger txhia see
nao kao lia blia mao choua dia pheng seng song yeng cher chou doua kalia kazoua lou sua tua boua xai xay yia ying
zong toua va xia teng phong ntxawm nkauj paj npib maiv nyiaj txiv kong long true cheng chue
""".split()),
    "hmong_clan": frozenset("""
chang cha chue cheng fang hang her heu khang kong kue lee ly lor lo moua mua pha thao vang vue xiong yang hawj vaj
yaj xyooj thoj lis lauj muas vwj kwm tsab
""".split()),
})


@lru_cache(maxsize=1)
def spanish_nicknames() -> dict[str, frozenset[str]]:
    """Spanish and Portuguese given names and their common hypocoristics ("guadalupe" → lupe, lupita; "ignacio" →
    nacho), lower case and without accents, from ``evalkit/data/nicknames_es.tsv``.

    The nicknames package's table is English ("Deb" for Deborah) and has none of the forms a Spanish-speaking staff
    uses every day (Lupe, Chuy, Nacho, Neto, Beto, Lola, Paco); the table holds the common ones, hand-listed from
    published lists of Spanish hypocoristics (see ``evalkit/data/README.md``), without those that are everyday words
    in English or Spanish ("sole", "mon", "lancha", "nació").
    """
    path = importlib.resources.files("evalkit").joinpath("data/nicknames_es.tsv")
    table: dict[str, frozenset[str]] = {}
    for line in path.read_text(encoding="ascii").splitlines():
        if line.strip() and not line.startswith("#"):
            name, nicks = line.split("\t")
            table[name] = frozenset(n.strip() for n in nicks.split(",") if n.strip())
    return table


@lru_cache(maxsize=1)
def nicknamer():
    """The nicknames package's table, read once per process."""
    from nicknames import NickNamer

    return NickNamer()

__all__ = [
    "BURMESE_HONORIFICS",
    "BURMESE_HONORIFICS_SURE",
    "CITY_NAMES",
    "COMMON_WORD_NAMES",
    "EVERYDAY_RANK",
    "FAMOUS_SURNAMES",
    "HISTORY_WORDS",
    "LANGUAGE_NAMES",
    "PLAIN_RANK",
    "PRODUCT_NAMES",
    "PUBLIC_NAMES",
    "READING_WORDS",
    "SCHOOL_WORK_WORDS",
    "SYLLABLE_NAMES",
    "all_given_names",
    "all_surnames",
    "english_words",
    "given_names",
    "load",
    "mostly_surname",
    "nickname_names",
    "nicknamer",
    "person_words",
    "plain_given_names",
    "spanish_nicknames",
    "spanish_words",
    "surnames",
    "word_rank",
    "world_given_names",
]

#: Everyday words of school and program work, and of typing, that the general word list lacks: a comment's
#: "Admin needs to act", "Walkthrough went well", "Helpdesk said" is no person (ranked as everyday words).
SCHOOL_WORK_WORDS = frozenset("""
admin admins helpdesk walkthrough walkthroughs coteaching coteacher coteachers edtech schoolwide districtwide
statewide networkwide campuswide onboarding upskill upskilling unmute unmuted webinar webinars gradebook gradebooks
chromebook chromebooks preservice inservice microcredential microcredentials bellringer bellringers learnings
shoutout shoutouts debriefing teammate teammates homeroom homerooms paraeducator paraeducators interventionist
interventionists esol iep ieps plc plcs pbis mtss rti lms sis ilt ilts padlet kahoot jamboard mentimeter
lol tbh fyi thx pls imo idk btw omg tel
""".split())

#: A word among the EVERYDAY_RANK most frequent English words is an everyday word first: "Will", "Hope",
#: "Miles". Names this frequent in text (Emily, Mike, Jack) still count with a surname or a title.
EVERYDAY_RANK = 5_000
#: Below PLAIN_RANK a given name is also a word often enough ("Olive", "Clay", "Sage", "Dean") that alone at
#: a sentence's start or in lower case it needs a cue, unless it is a common given name (:data:`COMMON_SHARE`).
PLAIN_RANK = 30_000
#: Percent of the 1990 census population with the name: at or above it a given name is plainly a name however
#: often the word is written ("Tyler" 0.09 %); for the words among the 10,000 most frequent, a higher share
#: ("Sean" 0.2 %, not "Olive" 0.03 % or "Clay" 0.02 %).
COMMON_SHARE = 0.02
FREQUENT_WORD_SHARE = 0.05
#: An SSA baby name counts as a given name when at least 1 in 20,000 babies of some decade got it (3,691 names):
#: rarer ones are mostly spellings of their own ("Aadhya") that the rules for words that are no English word find,
#: or words and places ("Rio", "Carver") that would only add false alarms.
SSA_MIN_SHARE = 0.005


def _gzipped(package: str, name: str) -> bytes:
    """A gzipped data file shipped inside an installed package, read and decompressed (nothing is downloaded)."""
    with importlib.resources.files(package).joinpath(name).open("rb") as fh:
        return gzip.decompress(fh.read())


def _census(file: str) -> dict[str, float]:
    """One census name file as {name: percent of people}, the name lower case."""
    out: dict[str, float] = {}
    text = importlib.resources.files("names").joinpath(file).read_text(encoding="ascii")
    for line in text.splitlines():
        parts = line.split()
        if len(parts) >= 2:
            name = parts[0].lower()
            out[name] = max(out.get(name, 0.0), float(parts[1]))
    return out


def _ssa() -> dict[str, float]:
    """SSA baby names and their peak share (percent of the babies of the decade they were most given in)."""
    rows = _gzipped("evalkit", "data/given_names_ssa.tsv.gz").decode("ascii").splitlines()[1:]
    shares = ((name, float(share)) for name, share, *_ in (row.split("\t") for row in rows))
    return {name: share for name, share in shares if share >= SSA_MIN_SHARE}


@lru_cache(maxsize=1)
def _first_shares() -> Mapping[str, float]:
    """Given names and how common they are, in percent: the census's share of the 1990 population of one sex, or
    the SSA's share of one decade's babies, whichever is higher ("Ethan": 0.5 % of the babies of the 2000s)."""
    shares = _census("dist.female.first")
    for source in (_census("dist.male.first"), _ssa()):
        for name, share in source.items():
            shares[name] = max(shares.get(name, 0.0), share)
    return MappingProxyType(shares)


@lru_cache(maxsize=1)
def word_rank() -> Mapping[str, int]:
    """English words (lower case) and their frequency rank, 0 the most frequent (pyspellchecker's list).

    Examples
    --------
    >>> word_rank()["the"] < word_rank()["school"] < word_rank()["instructional"]
    True
    """
    freq: dict[str, int] = json.loads(_gzipped("spellchecker", "resources/en.json.gz"))
    ordered = sorted(freq.items(), key=lambda kv: (-kv[1], kv[0]))
    ranks = {w: i for i, (w, _) in enumerate(ordered)}
    for word in SCHOOL_WORK_WORDS:   # everyday words of this work, though rare in the corpora behind the list
        ranks.setdefault(word, EVERYDAY_RANK - 1)
    return MappingProxyType(ranks)


@lru_cache(maxsize=1)
def english_words() -> frozenset[str]:
    """The words of :func:`word_rank` as a set (a word that is none of them is no English word)."""
    return frozenset(word_rank())


@lru_cache(maxsize=1)
def spanish_words() -> frozenset[str]:
    """Spanish words (lower case, accents removed), from pyspellchecker's Spanish frequency list: what a capitalised
    word joined to a name by "y" is when it is no one ("Lupe y Compañía"). The list leaves out some of the commonest
    words ("fue", "gracias"), so it says that a word is Spanish, never that one is not.

    Examples
    --------
    >>> "compania" in spanish_words(), "escuela" in spanish_words(), "jandiel" in spanish_words()
    (True, True, False)
    """
    import unicodedata

    words: dict[str, int] = json.loads(_gzipped("spellchecker", "resources/es.json.gz"))
    return frozenset("".join(ch for ch in unicodedata.normalize("NFKD", w) if not unicodedata.combining(ch))
                     for w in words)


@lru_cache(maxsize=1)
def nickname_names() -> frozenset[str]:
    """Every name of the nicknames package's table, given names and their nicknames, lower case."""
    nn = nicknamer()
    return frozenset(set(getattr(nn, "_nickname_lookup", {})) | set(getattr(nn, "_canonical_lookup", {})))


@lru_cache(maxsize=1)
def world_given_names() -> frozenset[str]:
    """Given names of the languages newcomer families in US schools speak, from Faker's lists of Swahili, Nigerian,
    Ghanaian, Francophone, Pakistani, Bosnian-Croatian, Turkic, Latin American and Iberian names (bundled,
    ``data/given_names_world.tsv.gz``; see ``data/README.md``): those of four letters or more that are no English
    word (rare ones included: "lenin", "kaiser"), no Spanish word and no place ("emeka", "chiamaka", "abdihakim";
    never "comfort", "muslim" or "segundo"). They join :func:`given_names` only:
    a name capitalised in mid-sentence or in a list, never a saint's or a title's.

    Examples
    --------
    >>> "chiamaka" in world_given_names(), "comfort" in world_given_names()
    (True, False)
    """
    rank, places, spanish = word_rank(), place_names(), spanish_words()
    rows = _gzipped("evalkit", "data/given_names_world.tsv.gz").decode("ascii").splitlines()[1:]
    words = english_words()
    return frozenset(name for name, _ in (row.split("\t") for row in rows)
                     if len(name) >= 4 and rank.get(name, PLAIN_RANK) >= PLAIN_RANK and name not in places
                     and name not in spanish and name not in words and name not in _WORLD_NOT_NAMES)


#: Words the lists of :func:`world_given_names` hold as names that a school's comments use as words and that no
#: other filter there leaves out: Kwanzaa's principles ("Umoja", "Ujamaa"), a greeting ("Osiyo" is Cherokee's hello
#: as well as an Uzbek name), the Persian new year ("Novruz"). (The Islamic months the lists hold, "Rajab",
#: "Shaban", are English words of the word list and left out by it.)
_WORLD_NOT_NAMES = frozenset("umoja ujamaa osiyo novruz".split())


@lru_cache(maxsize=1)
def all_given_names() -> frozenset[str]:
    """Every given name of the lists, everyday words included ("Holly", "Will"), lower case."""
    return frozenset(n for n in set(_first_shares()) | nickname_names() if n.isalpha() and len(n) >= 2)


#: Months, days and their abbreviations are census first names too ("January", "Jan", "Tuesday").
CALENDAR = frozenset("""
january february march april may june july august september october november december jan feb mar apr jun jul
aug sep sept oct nov dec monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs
fri sat sun
""".split())


@lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    """Given names that are not everyday words: a capitalised one in mid-sentence, or before a capitalised
    word, is a person's name ("RSVP to Alexandra", "Dustin Walker").

    Examples
    --------
    >>> "dustin" in given_names(), "will" in given_names(), "hope" in given_names()
    (True, False, False)
    """
    rank = word_rank()
    return frozenset(n for n in all_given_names() if n not in COMMON_WORD_NAMES and n not in CALENDAR
                     and rank.get(n, EVERYDAY_RANK) >= EVERYDAY_RANK) | world_given_names()


@lru_cache(maxsize=1)
def plain_given_names() -> frozenset[str]:
    """Given names that are rarely anything else: at a sentence's start before a lower-case word ("Tyler in my
    4th period ...") they are a person; in lower case they are with a cue ("ask tyler", "tyler said").

    Examples
    --------
    >>> "tyler" in plain_given_names(), "olive" in plain_given_names(), "sage" in plain_given_names()
    (True, False, False)
    """
    rank, share = word_rank(), _first_shares()

    def plain(name: str) -> bool:
        r = rank.get(name, PLAIN_RANK)
        return r >= PLAIN_RANK or share.get(name, 0.0) >= (FREQUENT_WORD_SHARE if r < 10_000 else COMMON_SHARE)

    return frozenset(n for n in given_names() if plain(n) and n not in _FUNCTION_WORDS)


# Articles, prepositions and pronouns of the other languages comments are written in (Spanish, French, Portuguese):
# "un gran trabajo", "el inglés" hold no name, though "Un" and "El" are given names in the SSA's lists.
_FUNCTION_WORDS = frozenset("el la los las un una unos unas al del de y en con por para su sus mi mis tu se que le les "
                            "des du au aux et ou da do dos das em um uma ao na no nos".split())


@lru_cache(maxsize=1)
def _last_shares() -> Mapping[str, float]:
    return MappingProxyType(_census("dist.all.last"))


@lru_cache(maxsize=1)
def all_surnames() -> frozenset[str]:
    """Every census surname, everyday words included ("Miles", "Young"), lower case."""
    return frozenset(_last_shares())


def mostly_surname(name: str) -> bool:
    """Whether more people have ``name`` (lower case) as a surname than as a given name: "Collins" (0.1 % of the
    population's surnames, 0.008 % of babies' names at their peak), not "Mike".

    Examples
    --------
    >>> mostly_surname("collins"), mostly_surname("mike"), mostly_surname("jordan")
    (True, False, False)
    """
    return _last_shares().get(name, 0.0) > _first_shares().get(name, 0.0)


@lru_cache(maxsize=1)
def person_words() -> frozenset[str]:
    """Every given name and surname of the lists, lower case."""
    return all_given_names() | all_surnames()


@lru_cache(maxsize=1)
def surnames() -> frozenset[str]:
    """The census surnames that are not everyday words: after a given name in lower case they make a full name
    ("gregory murphy").

    Examples
    --------
    >>> "murphy" in surnames(), "young" in surnames()
    (True, False)
    """
    rank = word_rank()
    return frozenset(n for n in all_surnames()
                     if n not in COMMON_WORD_NAMES and rank.get(n, EVERYDAY_RANK) >= EVERYDAY_RANK)


@lru_cache(maxsize=1)
def place_names() -> frozenset[str]:
    """Towns, counties and countries (lower case, folded to ASCII): US places of 1,000 people or more, cities
    elsewhere of 100,000 or more and capitals, countries, and US counties without "County" (18,744 names from
    GeoNames, CC BY 4.0, in ``evalkit/data/places.tsv.gz``, built by ``tools/build_places.py``).

    Examples
    --------
    >>> "tahlequah" in place_names(), "beirut" in place_names(), "maria" in place_names()
    (True, True, False)
    """
    rows = _gzipped("evalkit", "data/places.tsv.gz").decode("ascii").splitlines()[1:]
    return frozenset(row.split("\t", 1)[0] for row in rows)


def load() -> None:
    """Read every list now (about half a second, once per process), so that the first text redacted does not pay
    for it: the detector calls this when it is built."""
    given_names(), plain_given_names(), surnames(), person_words(), english_words(), place_names(), spanish_words()
