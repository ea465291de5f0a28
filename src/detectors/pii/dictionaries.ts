/**
 * Small word lists used as supporting evidence only (a value's tokens found here make a person-name or a
 * street address more likely; nothing is decided on a list alone). Lower case, ASCII. Deliberately short:
 * common given names and surnames across English-speaking, European and some Asian and Hispanic populations,
 * and street-type words in several languages.
 */
const GIVEN = `
james john robert michael william david richard joseph thomas charles christopher daniel matthew anthony mark
donald steven paul andrew joshua kenneth kevin brian george timothy ronald edward jason jeffrey ryan jacob gary
nicholas eric jonathan stephen larry justin scott brandon benjamin samuel gregory alexander frank patrick raymond
jack dennis jerry tyler aaron jose adam nathan henry douglas zachary peter kyle ethan walter noah jeremy christian
keith roger terry gerald harold sean austin carl arthur lawrence dylan jesse jordan bryan billy joe bruce gabriel
logan albert willie alan juan wayne elijah randy roy vincent ralph eugene russell bobby mason philip louis harry
oliver liam lucas leo oscar charlie alfie freddie archie theo arthur finley isaac max luke callum connor declan
lachlan jackson cooper riley hamish angus fergus rhys owen dafydd ewan euan calum kieran liam niall ciaran
mary patricia jennifer linda elizabeth barbara susan jessica sarah karen lisa nancy betty margaret sandra ashley
kimberly emily donna michelle carol amanda dorothy melissa deborah stephanie rebecca sharon laura cynthia kathleen
amy angela shirley anna brenda pamela emma nicole helen samantha katherine christine debra rachel carolyn janet
catherine maria heather diane ruth julie olivia joyce virginia victoria kelly lauren christina joan evelyn judith
megan andrea cheryl hannah jacqueline martha gloria teresa ann sara madison frances kathryn janice jean abigail
alice judy sophia grace denise amber doris marilyn danielle beverly isabella theresa diana natalie brittany
charlotte marie kayla alexis lori jane julia chloe mia ella ava amelia isla poppy lily sophie jessica ruby evie
freya grace millie daisy phoebe matilda zoe zara holly imogen eleanor harriet abbey caitlin chelsea jade kirsty
leah tegan shannon bridget siobhan aoife niamh ciara sinead maeve orla fiona morag eilidh kirsten
jill jim tom tim bob rob ben sam dan joe ted ed al ron don ken jon kim pat sue meg beth kate liz tina gina rita lynn dawn joy eve ivy roxanne
karen brenda gail jo annie molly nora clara ada edith ethel mabel hazel irene vera stella lucy peggy sally wendy
stanley howard leonard norman clarence earl herbert frederick ernest bernard vernon glenn dale wade troy shane
chad derek travis marcus curtis darren lance grant neil craig stuart ross graham ian malcolm duncan gordon
hans peter klaus jurgen wolfgang stefan andreas thomas michael markus sebastian lukas felix maximilian jonas leon
anna ursula monika petra sabine claudia susanne andrea birgit katrin julia laura lena lea marie sophie hannah
jean pierre michel philippe alain nicolas francois christophe laurent stephane sebastien julien guillaume antoine
marie nathalie isabelle sylvie catherine francoise valerie sandrine christine celine camille manon chloe ines
giuseppe giovanni antonio mario luigi francesco angelo vincenzo pietro salvatore carlo franco domenico bruno paolo
alessandro marco andrea luca matteo lorenzo davide riccardo giulia francesca chiara sara valentina alessia martina
jose juan antonio manuel francisco luis javier carlos miguel rafael pedro angel jesus alejandro fernando pablo
jorge alberto ricardo diego sergio andres mariana lucia carmen dolores pilar isabel rosa ana cristina elena
paula raquel beatriz silvia veronica gabriela daniela valeria camila sofia ximena guadalupe alejandra
mohammed muhammad ahmed ali hassan hussein omar ibrahim mustafa yusuf fatima aisha zainab mariam khadija layla
wei jing li ming hui yan xin hao jun lei chen yu hong mei ling yi ying hiroshi takashi kenji yuki haruto sakura
yui hina aoi rin raj rahul amit vijay sanjay anil sunil priya pooja anjali neha kavya deepa sunita arjun rohan
ivan dmitri sergei alexei nikolai olga natasha tatiana irina svetlana anastasia ekaterina piotr krzysztof
tomasz agnieszka katarzyna malgorzata jan lars erik nils sven anders karin ingrid astrid sigrid bjorn
aaliyah abby addison adrian aiden alan alexa alexandra alicia allison alyssa amanda andre angel angelica
anne annette antonio april ariana arianna aubrey audrey autumn ava bailey beatrice becky bella benjamin bernice
bethany blake bonnie bradley brady brandi brandy brendan brett brianna bridget brittany brooke bryce caleb
cameron candace carla carlos carmen caroline carrie casey cassandra cecilia chad charlene charles chase
cheyenne chris christie christy cindy claire clayton cody colin colleen connie constance corey courtney craig
crystal curtis dakota dale dallas damian dana darlene darrell darryl dean debbie delores derrick desiree
destiny devin devon dominic dominique dustin dwayne eddie edgar edna eileen elaine eleanor eli elijah ellen
elliott elsie emilio erica erin esther eva evan faith felicia fernando floyd francis franklin gabriella
gabrielle garrett gavin genevieve geoffrey gilbert gina gladys glen glenda gregg gwendolyn haley harvey hayden
heidi holly hope hunter ian isaiah ivan jaclyn jacqueline jade jaime jamie janelle janie jared jasmine javier
jay jeanette jeffery jenna jenny jeremiah jerome jillian joann joanna jocelyn joel johnny jolene jonah josephine
josie joy juanita julian julio june justine kara katelyn katie kayla keith kelli kelsey kendra kenny kerry
kristen kristin kristina kristy krystal kurt kyle lacey lance latoya laurie leah lee leon leroy leslie lester
lillian lindsay lindsey lloyd logan lonnie lorraine louise lydia mackenzie madeline makayla mallory mandy
marc marcia marco margarita marian marianne marisa marissa marjorie marlene marsha marvin mathew maureen
maxine melanie melinda melody mercedes meredith micheal miguel mike mildred miranda misty mitchell monica
morgan myrtle nadine naomi natalie nathaniel nichole nina noel norma oscar paige pam paula pauline pearl
penny perry phillip preston priscilla quentin rachael ramon randall randolph rebekah regina reginald renee
rhonda ricardo ricky riley roberto robin rodney roger ronnie rosa rosemary ruben rudy russell ryan sabrina
sadie sally sammy savannah shane shari shaun shawn shawna sheila shelby shelly sheri sherri sherry sidney
sierra sonia sonya spencer stacey stacy stella stephanie sydney tabitha tamara tami tammy tanya tara tasha
taylor terrence tiffany toni tonya tracey traci tracy travis trevor trisha tristan troy valerie vanessa
veronica vicki vickie victor vincent violet wanda warren wesley whitney willard yolanda yvette yvonne zachary
kwame kofi ama abena chinedu ngozi oluwaseun adebayo tunde thabo sipho lerato
`;

const SURNAMES = `
smith johnson williams brown jones garcia miller davis rodriguez martinez hernandez lopez gonzalez wilson anderson
thomas taylor moore jackson martin lee perez thompson white harris sanchez clark ramirez lewis robinson walker
young allen king wright scott torres nguyen hill flores green adams nelson baker hall rivera campbell mitchell
carter roberts gomez phillips evans turner diaz parker cruz edwards collins reyes stewart morris morales murphy
cook rogers gutierrez ortiz morgan cooper peterson bailey reed kelly howard ramos kim cox ward richardson watson
brooks chavez wood james bennett gray mendoza ruiz hughes price alvarez castillo sanders patel myers long ross
foster jimenez powell jenkins perry russell sullivan bell coleman butler henderson barnes gonzales fisher vasquez
simmons romero jordan patterson alexander hamilton graham reynolds griffin wallace moreno west cole hayes bryant
herrera gibson ellis tran medina aguilar stevens murray ford castro marshall owens harrison fernandez mcdonald
woods washington kennedy wells vargas henry chen freeman webb tucker guzman burns crawford olson simpson porter
hunter gordon mendez silva shaw snyder mason dixon munoz hunt hicks holmes palmer wagner black robertson boyd
rose stone salazar fox warren mills meyer rice schmidt garza daniels ferguson nichols stephens soto weaver ryan
gardner payne grant dunn kelley spencer hawkins arnold pierce vazquez hansen peters santos hart bradley knight
elliott cunningham duncan armstrong hudson carroll lane riley andrews alvarado ray delgado berry perkins hoffman
johnston matthews pena richards willis carpenter lawrence sandoval doe roe davies wilkinson hughes wright
thompson walsh byrne ryan obrien oconnor murphy kelly doyle mccarthy gallagher quinn kennedy lynch mcloughlin
muller schmidt schneider fischer weber meyer wagner becker schulz hoffmann koch richter klein wolf schroder
martin bernard dubois thomas robert richard petit durand leroy moreau simon laurent lefebvre michel garcia
rossi russo ferrari esposito bianchi romano colombo ricci marino greco bruno gallo conti costa giordano
wang li zhang liu chen yang huang zhao wu zhou xu sun ma zhu hu guo lin he gao luo sato suzuki takahashi
tanaka watanabe ito yamamoto nakamura kobayashi kato singh kumar sharma gupta khan shah ali ahmed hussain
ivanov smirnov kuznetsov popov nowak kowalski wisniewski jensen nielsen hansen andersen larsen johansson
karlsson nilsson eriksson svensson dejong devries jansen bakker visser smit mulder
abbott acosta adkins aguirre allison anthony atkins austin avery ayala baldwin ballard banks barber barker
barnett barrett barton bates beck becker benson berg bishop blair blake bowen bowman boyle bradford brady
brennan briggs brock burgess burke burton bush byrd caldwell calhoun cameron cannon carlson carr carson
case casey chambers chandler chapman christensen clarke clayton cobb cochran cohen collier conner conrad
conway copeland craig cross cummings curry dalton daniel davidson dawson day dean decker dennis dominguez
donovan dorsey douglas doyle drake duffy dunlap durham eaton english erickson estrada evans farmer
farrell fields figueroa finley fleming fletcher flynn ford fowler francis frank franklin frazier french
frost fuller gaines gallegos garner garrett gates gay george gilbert gill glass glover goodman goodwin gould
graves greene greer gregory griffith gross guerrero hale haley hamilton hammond hampton hancock hardy harmon
harper harrington hartman hayes haynes hebert hensley herman hess higgins hines hobbs hodges hogan holland
holloway holt hood hopkins horton houston howe howell hubbard huff hull humphrey hurst ingram jacobs
jennings jensen joseph joyce juarez kane kaufman keller kemp kerr kirby klein knapp knowles koch kramer
lamb lambert lang lara larson lawson leblanc leon leonard lindsey little livingston logan love lowe lucas
luna lyons mack maddox maldonado malone mann manning marks marquez marsh massey mathis maxwell may mccoy
mcgee mckenzie mclaughlin mcneil meadows melton mercer merritt miles moody mooney moran morrow morse moss
mueller mullins navarro newman newton nixon noble norman norris norton obrien ochoa oconnor odom oliver
oneal oneill osborne owen pace padilla page park parks parsons patrick paul pearson pena pennington
phelps pittman pollard poole pope potter pratt preston pruitt pugh quinn ramsey randall randolph rasmussen
reese reeves reid rhodes richmond riddle rios rivas roach robbins roberson rocha rodgers rollins roman
rosario rowe russo sampson santiago saunders savage schneider schultz schwartz sellers sexton
shannon sharp shelton shepherd sherman short simon sims singleton slater sloan small snow solis
sparks stanley stark steele stein stephenson stokes stout strickland summers sutton swanson sweeney
tate terry thornton todd townsend travis trevino tyler valdez valencia vance vaughn velasquez
villarreal vincent wade walton ware waters watkins watts weeks welch wheeler whitaker whitney wiggins
wilcox wiley wilkins williamson winters wise wolfe wong woodard workman wyatt york young zamora
`;

function toSet(text: string): ReadonlySet<string> {
  return new Set(text.split(/\s+/).filter((w) => w.length > 0));
}

export const GIVEN_NAMES = toSet(GIVEN);
export const SURNAMES_SET = toSet(SURNAMES);

/** Street-type words (and common abbreviations) in English, German, French, Spanish, Italian, Dutch. */
export const STREET_WORDS = toSet(`
street st str road rd avenue ave av lane ln drive dr boulevard blvd court ct circuit cct crescent cres place pl
way terrace tce terr highway hwy parade pde close cl square sq parkway pkwy trail trl circle cir alley aly row
grove gr mews walk pass junction jct center centre ctr plaza plz park pkwy hollow pointe trace glen green
meadow meadows commons springs fork crest knoll landing bend cove creek estates expressway expy freeway fwy
turnpike tpke manor pines oval vista esplanade ville mission plains forks shoals ports harbor harbour haven
highlands isle island islands key keys lights locks mall meadow mills motorway mountain neck orchard
overpass passage plain prairie radial ramp ranch rapids ridges roads shoal shore shores skyway spring spur
squares stravenue stream summit throughway trafficway tunnel underpass union valleys viaduct villages
village wells extension field fields flats ford forest forge garden gateway glens greens harbors hills inlet
lakes lodge promenade loop pike path crossing xing route rte broadway wynd gardens gdns
hill heights hts ridge rise vale view point pt quay wharf strasse straße gasse weg platz allee ring damm ufer
rue chemin impasse allée quai calle avenida carrera paseo camino plaza via viale piazza corso vicolo straat
laan plein gracht steeg suite apt unit flat floor po box
`);

/** Leading or trailing markers of a post-office box or a unit ("PO Box 12", "Apt 4B"). */
export const PO_BOX = /\b(?:p\.?\s?o\.?\s?box|post\s+office\s+box|postfach|apartado|boite postale)\b/i;

/** Words that make a name-shaped value an organisation, product or place rather than a person. */
export const NON_PERSON_WORDS = toSet(`
corp corporation inc incorporated llc ltd limited co company companies industries holdings group enterprises
gmbh ag sa plc nv bv pty partners associates bank university college school academy institute hospital clinic
hotel restaurant cafe bar store shop market foundation trust council agency services solutions systems
technologies labs studio studios media international global airlines motors club team city county street
road avenue north south east west new san santa los las fort port lake river mount park valley beach island
pro max mini ultra plus lite edition series model kit pack set and of the for
`);
