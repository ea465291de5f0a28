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
jill jill jim tom tim bob rob ben sam dan joe ted ed al ron don ken jon kim pat sue meg beth kate liz tina gina rita lynn dawn joy eve ivy roxanne
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
grove gr mews walk esplanade promenade loop pike path crossing xing route rte broadway wynd gardens gdns
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
pro max mini ultra plus lite edition series model kit pack set
`);
