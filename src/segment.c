/* segment.c - who is speaking: layouts, quotations, speech frames and
 * references back to known people.  See segment.h for the cues.
 *
 * One pass over the paragraphs (plus a cheap pre-pass that classifies
 * them).  Every scan around a token is bounded by a constant window, and
 * names are looked up in hash tables, so the pass is linear in the length
 * of the article. */
#include "segment.h"

#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "lexstance.h"
#include "utf8.h"

/* ======================================================================
 * Word classes
 * ====================================================================== */

enum {
  W_TITLE = 1u << 0,    /* office or honorific before a name: dr, minister */
  W_ROLE = 1u << 1,     /* role noun: economist, spokesperson */
  W_ROLEADJ = 1u << 2,  /* former, senior, foreign (in "Foreign Minister") */
  W_ORG = 1u << 3,      /* ministry, institute, bank, times */
  W_PLACE = 1u << 4,    /* countries, cities, regions */
  W_NATION = 1u << 5,   /* chinese, american */
  W_OPENER = 1u << 6,   /* capitalised sentence openers, never names */
  W_TIME = 1u << 7,     /* months, weekdays */
  W_META = 1u << 8,     /* article furniture labels: photo, source */
  W_SAY = 1u << 9,      /* speech verb */
  W_WEAK = 1u << 10,    /* speech verb only before that/:/quote or after a quote */
  W_SAYING = 1u << 11,  /* participle: ", saying ..." */
  W_ADD = 1u << 12,     /* continuation verb: added, continued */
  W_MALE = 1u << 13,
  W_FEMALE = 1u << 14,
  W_AUX = 1u << 15,     /* may stand between subject and verb */
  W_DET = 1u << 16,
  W_PARTICLE = 1u << 17,
  W_ASKER = 1u << 18,   /* Q, Question, Interviewer */
  W_ANSWER = 1u << 19,  /* A, Answer */
  W_POSTNOM = 1u << 20, /* PhD */
  W_STOP = 1u << 21,    /* function word: ends a noun phrase */
  W_HONOR = 1u << 22,   /* pure honorific (not a description): mr, dr */
  W_NEG = 1u << 23,     /* not, never: the verb does not report speech */
  W_GROUPN = 1u << 24,  /* plural speakers: officials, analysts */
  W_SUFFIX = 1u << 25,  /* Jr, III */
  W_OPINE = 1u << 26,   /* believes, thinks: a clause follows without "that" */
};

#define W_NONNAME (W_TITLE | W_ROLE | W_ROLEADJ | W_ORG | W_PLACE | W_NATION | \
                   W_OPENER | W_TIME | W_META)

typedef struct {
  const char *w;
  unsigned c;
} word_class;

#define HON (W_TITLE | W_HONOR)
#define TTL W_TITLE
#define ROL (W_ROLE | W_TITLE)

static const word_class kWords[] = {
    /* honorifics */
    {"mr", HON | W_MALE}, {"mrs", HON | W_FEMALE}, {"ms", HON | W_FEMALE},
    {"miss", HON | W_FEMALE}, {"mx", HON}, {"dr", HON}, {"prof", HON},
    {"sir", HON | W_MALE}, {"dame", HON | W_FEMALE}, {"lord", HON | W_MALE},
    {"lady", HON | W_FEMALE}, {"madam", HON | W_FEMALE}, {"madame", HON | W_FEMALE},
    {"mme", HON | W_FEMALE}, {"mlle", HON | W_FEMALE}, {"messrs", HON},
    {"sen", HON}, {"rep", HON}, {"gov", HON}, {"pres", HON}, {"amb", HON},
    {"gen", HON}, {"col", HON}, {"capt", HON}, {"lt", HON}, {"maj", HON},
    {"adm", HON}, {"cmdr", HON}, {"rev", HON}, {"fr", HON | W_MALE},
    {"hon", HON}, {"honourable", HON}, {"honorable", HON}, {"excellency", HON},
    {"dato", HON}, {"datuk", HON}, {"dato'", HON}, {"datin", HON | W_FEMALE},
    {"tun", HON}, {"puan", HON | W_FEMALE}, {"encik", HON | W_MALE},
    {"tuan", HON | W_MALE}, {"haji", HON | W_MALE}, {"hajah", HON | W_FEMALE},
    {"sheikh", HON | W_MALE}, {"sheik", HON | W_MALE}, {"mister", HON | W_MALE},
    {"tengku", HON}, {"tunku", HON}, {"seri", HON},
    {"father", HON | W_MALE}, {"sister", HON | W_FEMALE}, {"brother", HON | W_MALE},
    /* offices and roles */
    {"professor", ROL}, {"senator", ROL}, {"representative", ROL},
    {"governor", ROL}, {"president", ROL}, {"vice-president", ROL},
    {"premier", ROL}, {"minister", ROL}, {"ministers", W_GROUPN},
    {"secretary", ROL}, {"secretary-general", ROL}, {"chancellor", ROL},
    {"ambassador", ROL}, {"envoy", ROL}, {"general", TTL}, {"colonel", ROL},
    {"captain", ROL}, {"lieutenant", ROL}, {"major", TTL}, {"admiral", ROL},
    {"commander", ROL}, {"reverend", ROL}, {"king", ROL | W_MALE},
    {"queen", ROL | W_FEMALE}, {"prince", ROL | W_MALE},
    {"princess", ROL | W_FEMALE}, {"sultan", ROL | W_MALE}, {"emir", ROL | W_MALE},
    {"pope", ROL | W_MALE}, {"cardinal", ROL}, {"bishop", ROL}, {"rabbi", ROL},
    {"imam", ROL}, {"judge", ROL}, {"justice", ROL}, {"mayor", ROL}, {"dean", W_ROLE},
    {"chairman", ROL | W_MALE}, {"chairwoman", ROL | W_FEMALE},
    {"chairperson", ROL}, {"chair", ROL}, {"ceo", ROL}, {"cfo", ROL}, {"coo", ROL},
    {"cto", ROL}, {"spokesperson", ROL}, {"spokesman", ROL | W_MALE},
    {"spokeswoman", ROL | W_FEMALE}, {"director", ROL}, {"director-general", ROL},
    {"deputy", ROL}, {"chief", ROL}, {"commissioner", ROL}, {"councillor", ROL},
    {"councilor", ROL}, {"congressman", ROL | W_MALE},
    {"congresswoman", ROL | W_FEMALE}, {"lawmaker", ROL}, {"legislator", ROL},
    {"mp", ROL}, {"mep", ROL}, {"economist", ROL}, {"analyst", ROL},
    {"researcher", ROL}, {"scholar", ROL}, {"lecturer", ROL}, {"academic", ROL},
    {"fellow", ROL}, {"expert", ROL}, {"specialist", ROL}, {"scientist", ROL},
    {"founder", ROL}, {"co-founder", ROL}, {"executive", ROL}, {"officer", ROL},
    {"official", ROL}, {"diplomat", ROL}, {"negotiator", ROL}, {"head", ROL},
    {"leader", ROL}, {"adviser", ROL}, {"advisor", ROL}, {"counsellor", ROL},
    {"counselor", ROL}, {"consultant", ROL}, {"strategist", ROL},
    {"principal", ROL}, {"manager", ROL}, {"partner", ROL}, {"editor", ROL},
    {"journalist", ROL}, {"reporter", ROL | W_ASKER}, {"correspondent", ROL | W_ASKER},
    {"columnist", ROL}, {"commentator", ROL}, {"observer", ROL},
    {"historian", ROL}, {"sociologist", ROL}, {"lawyer", ROL}, {"attorney", ROL},
    {"trader", ROL}, {"investor", ROL}, {"banker", ROL}, {"entrepreneur", ROL},
    {"businessman", ROL | W_MALE}, {"businesswoman", ROL | W_FEMALE},
    {"activist", ROL}, {"campaigner", ROL}, {"organizer", ROL}, {"organiser", ROL},
    {"coordinator", ROL}, {"candidate", ROL}, {"politician", ROL},
    {"member", ROL}, {"associate", ROL}, {"assistant", ROL}, {"doctor", ROL},
    {"engineer", ROL}, {"physician", ROL}, {"teacher", ROL}, {"student", ROL},
    {"author", ROL | W_META}, {"writer", ROL}, {"host", ROL | W_ASKER},
    {"moderator", ROL | W_ASKER}, {"interviewer", ROL | W_ASKER},
    {"anchor", ROL | W_ASKER}, {"presenter", ROL | W_ASKER}, {"chairs", 0},
    {"vice-chairman", ROL}, {"vice-chair", ROL}, {"president-elect", ROL},
    {"economists", W_GROUPN}, {"analysts", W_GROUPN}, {"officials", W_GROUPN},
    {"experts", W_GROUPN}, {"critics", W_GROUPN}, {"observers", W_GROUPN},
    {"scholars", W_GROUPN}, {"researchers", W_GROUPN}, {"diplomats", W_GROUPN},
    {"sources", W_GROUPN | W_META}, {"people", W_GROUPN}, {"leaders", W_GROUPN},
    {"investors", W_GROUPN}, {"traders", W_GROUPN}, {"residents", W_GROUPN},
    {"supporters", W_GROUPN}, {"opponents", W_GROUPN}, {"lawmakers", W_GROUPN},
    {"participants", W_GROUPN}, {"executives", W_GROUPN}, {"others", W_GROUPN},
    {"some", W_GROUPN | W_OPENER}, {"many", W_GROUPN | W_OPENER},
    /* role adjectives */
    {"former", W_ROLEADJ}, {"senior", W_ROLEADJ}, {"junior", W_ROLEADJ},
    {"lead", W_ROLEADJ}, {"leading", W_ROLEADJ}, {"visiting", W_ROLEADJ},
    {"vice", W_ROLEADJ | W_TITLE}, {"managing", W_ROLEADJ}, {"acting", W_ROLEADJ},
    {"interim", W_ROLEADJ}, {"outgoing", W_ROLEADJ}, {"incoming", W_ROLEADJ},
    {"veteran", W_ROLEADJ}, {"prominent", W_ROLEADJ}, {"top", W_ROLEADJ},
    {"retired", W_ROLEADJ}, {"adjunct", W_ROLEADJ}, {"distinguished", W_ROLEADJ},
    {"emeritus", W_ROLEADJ}, {"honorary", W_ROLEADJ}, {"prime", W_ROLEADJ},
    {"foreign", W_ROLEADJ}, {"trade", W_ROLEADJ}, {"finance", W_ROLEADJ},
    {"commerce", W_ROLEADJ | W_ORG}, {"defence", W_ROLEADJ}, {"defense", W_ROLEADJ},
    {"economic", W_ROLEADJ}, {"political", W_ROLEADJ}, {"crown", W_ROLEADJ},
    {"assoc", W_ROLEADJ}, {"asst", W_ROLEADJ}, {"co-chair", ROL},
    {"research", W_ROLEADJ}, {"policy", W_ROLEADJ}, {"programme", W_ORG},
    /* organisations and institutions */
    {"ministry", W_ORG}, {"department", W_ORG}, {"institute", W_ORG},
    {"institution", W_ORG}, {"university", W_ORG}, {"college", W_ORG},
    {"school", W_ORG}, {"academy", W_ORG}, {"bank", W_ORG}, {"association", W_ORG},
    {"organization", W_ORG}, {"organisation", W_ORG}, {"council", W_ORG},
    {"commission", W_ORG}, {"committee", W_ORG}, {"agency", W_ORG},
    {"office", W_ORG}, {"government", W_ORG}, {"administration", W_ORG},
    {"party", W_ORG}, {"center", W_ORG}, {"centre", W_ORG}, {"foundation", W_ORG},
    {"group", W_ORG}, {"company", W_ORG}, {"corporation", W_ORG}, {"corp", W_ORG},
    {"inc", W_ORG}, {"ltd", W_ORG}, {"llc", W_ORG}, {"plc", W_ORG}, {"co", W_ORG},
    {"times", W_ORG}, {"news", W_ORG | W_META}, {"daily", W_ORG}, {"post", W_ORG},
    {"journal", W_ORG}, {"review", W_ORG}, {"herald", W_ORG}, {"tribune", W_ORG},
    {"gazette", W_ORG}, {"press", W_ORG}, {"media", W_ORG}, {"television", W_ORG},
    {"tv", W_ORG}, {"radio", W_ORG}, {"network", W_ORG}, {"union", W_ORG},
    {"federation", W_ORG}, {"forum", W_ORG}, {"fund", W_ORG}, {"board", W_ORG},
    {"bureau", W_ORG}, {"authority", W_ORG}, {"authorities", W_ORG | W_GROUPN},
    {"court", W_ORG}, {"congress", W_ORG}, {"parliament", W_ORG},
    {"senate", W_ORG}, {"house", W_ORG}, {"assembly", W_ORG}, {"service", W_ORG},
    {"services", W_ORG}, {"club", W_ORG}, {"society", W_ORG}, {"trust", W_ORG},
    {"alliance", W_ORG}, {"coalition", W_ORG}, {"secretariat", W_ORG},
    {"embassy", W_ORG}, {"consulate", W_ORG}, {"mission", W_ORG},
    {"community", W_ORG}, {"area", W_ORG}, {"zone", W_ORG}, {"region", W_ORG},
    {"republic", W_ORG | W_PLACE}, {"kingdom", W_ORG | W_PLACE},
    {"states", W_ORG | W_PLACE}, {"nations", W_ORG | W_PLACE}, {"cabinet", W_ORG},
    {"police", W_ORG}, {"army", W_ORG}, {"navy", W_ORG}, {"force", W_ORG},
    {"forces", W_ORG}, {"reuters", W_ORG}, {"xinhua", W_ORG}, {"bloomberg", W_ORG},
    {"chamber", W_ORG}, {"exchange", W_ORG}, {"market", W_ORG},
    {"markets", W_ORG}, {"index", W_ORG}, {"holdings", W_ORG},
    {"industries", W_ORG}, {"airlines", W_ORG}, {"motors", W_ORG},
    {"partners", W_ORG}, {"capital", W_ORG}, {"securities", W_ORG},
    {"international", W_ORG}, {"agreement", W_ORG}, {"protocol", W_ORG},
    {"treaty", W_ORG}, {"initiative", W_ORG}, {"program", W_ORG},
    {"project", W_ORG}, {"summit", W_ORG}, {"conference", W_ORG},
    {"declaration", W_ORG}, {"act", W_ORG}, {"bill", 0}, {"law", W_ORG},
    {"report", W_ORG}, {"survey", W_ORG}, {"study", W_ORG}, {"strategy", W_ORG},
    {"plan", W_ORG}, {"framework", W_ORG}, {"charter", W_ORG},
    {"convention", W_ORG}, {"observatory", W_ORG}, {"think-tank", W_ORG},
    {"tank", W_ORG}, {"lab", W_ORG}, {"laboratory", W_ORG}, {"labs", W_ORG},
    {"hospital", W_ORG}, {"church", W_ORG}, {"museum", W_ORG}, {"library", W_ORG},
    {"station", W_ORG}, {"airport", W_ORG}, {"port", W_ORG}, {"province", W_ORG},
    {"state", W_ORG}, {"city", W_ORG}, {"county", W_ORG}, {"district", W_ORG},
    {"palace", W_ORG}, {"pentagon", W_ORG}, {"kremlin", W_ORG}, {"white", W_ORG},
    {"economy", W_ORG}, {"economies", W_ORG}, {"free", W_ORG}, {"fta", W_ORG},
    {"wto", W_ORG}, {"imf", W_ORG}, {"adb", W_ORG}, {"rcep", W_ORG},
    {"cptpp", W_ORG}, {"apec", W_ORG}, {"brics", W_ORG}, {"g20", W_ORG},
    {"g7", W_ORG}, {"nato", W_ORG}, {"opec", W_ORG}, {"who", W_STOP},
    {"ai", W_ORG}, {"gdp", W_ORG}, {"belt", W_ORG}, {"road", W_ORG},
    {"sciences", W_ORG}, {"studies", W_ORG}, {"relations", W_ORG},
    {"affairs", W_ORG}, {"development", W_ORG}, {"cooperation", W_ORG},
    {"partnership", W_ORG}, {"upgrade", W_ORG}, {"version", W_ORG},
    {"industry", W_ORG}, {"system", W_ORG}, {"order", W_ORG},
    {"organisations", W_ORG}, {"organizations", W_ORG}, {"institutes", W_ORG},
    {"group's", W_ORG}, {"global", W_PLACE | W_ORG}, {"reserve", W_ORG},
    {"treasury", W_ORG}, {"customs", W_ORG}, {"statistics", W_ORG},
    {"cgtn", W_ORG}, {"cctv", W_ORG}, {"nikkei", W_ORG}, {"afp", W_ORG},
    {"ap", W_ORG}, {"bbc", W_ORG}, {"cnn", W_ORG}, {"scmp", W_ORG},
    /* places */
    {"china", W_PLACE}, {"beijing", W_PLACE}, {"shanghai", W_PLACE},
    {"taiwan", W_PLACE}, {"taipei", W_PLACE},
    {"macao", W_PLACE}, {"macau", W_PLACE}, {"japan", W_PLACE}, {"tokyo", W_PLACE},
    {"korea", W_PLACE}, {"seoul", W_PLACE}, {"pyongyang", W_PLACE},
    {"india", W_PLACE}, {"delhi", W_PLACE}, {"mumbai", W_PLACE},
    {"pakistan", W_PLACE}, {"islamabad", W_PLACE}, {"bangladesh", W_PLACE},
    {"dhaka", W_PLACE}, {"nepal", W_PLACE}, {"lanka", W_PLACE}, {"asean", W_PLACE | W_ORG},
    {"asia", W_PLACE}, {"europe", W_PLACE}, {"africa", W_PLACE},
    {"america", W_PLACE}, {"americas", W_PLACE}, {"us", W_PLACE}, {"usa", W_PLACE},
    {"uk", W_PLACE}, {"eu", W_PLACE | W_ORG}, {"un", W_PLACE | W_ORG},
    {"britain", W_PLACE}, {"england", W_PLACE}, {"london", W_PLACE},
    {"france", W_PLACE}, {"paris", W_PLACE}, {"germany", W_PLACE},
    {"berlin", W_PLACE}, {"italy", W_PLACE}, {"rome", W_PLACE}, {"spain", W_PLACE},
    {"madrid", W_PLACE}, {"russia", W_PLACE}, {"moscow", W_PLACE},
    {"ukraine", W_PLACE}, {"kyiv", W_PLACE}, {"kiev", W_PLACE}, {"turkey", W_PLACE},
    {"turkiye", W_PLACE}, {"ankara", W_PLACE}, {"iran", W_PLACE}, {"tehran", W_PLACE},
    {"iraq", W_PLACE}, {"baghdad", W_PLACE}, {"syria", W_PLACE}, {"egypt", W_PLACE},
    {"cairo", W_PLACE}, {"arabia", W_PLACE}, {"riyadh", W_PLACE},
    {"emirates", W_PLACE}, {"uae", W_PLACE}, {"dubai", W_PLACE}, {"qatar", W_PLACE},
    {"doha", W_PLACE}, {"gaza", W_PLACE}, {"palestine", W_PLACE},
    {"lebanon", W_PLACE}, {"brazil", W_PLACE}, {"brasilia", W_PLACE},
    {"argentina", W_PLACE}, {"mexico", W_PLACE}, {"canada", W_PLACE},
    {"ottawa", W_PLACE}, {"australia", W_PLACE}, {"canberra", W_PLACE},
    {"sydney", W_PLACE}, {"zealand", W_PLACE}, {"indonesia", W_PLACE},
    {"jakarta", W_PLACE}, {"malaysia", W_PLACE}, {"kuala", W_PLACE},
    {"lumpur", W_PLACE}, {"singapore", W_PLACE}, {"thailand", W_PLACE},
    {"bangkok", W_PLACE}, {"vietnam", W_PLACE}, {"hanoi", W_PLACE},
    {"philippines", W_PLACE}, {"manila", W_PLACE}, {"cambodia", W_PLACE},
    {"phnom", W_PLACE}, {"penh", W_PLACE}, {"laos", W_PLACE},
    {"vientiane", W_PLACE}, {"myanmar", W_PLACE | W_NATION}, {"yangon", W_PLACE},
    {"brunei", W_PLACE}, {"timor", W_PLACE}, {"timor-leste", W_PLACE},
    {"mongolia", W_PLACE}, {"kazakhstan", W_PLACE}, {"uzbekistan", W_PLACE},
    {"nigeria", W_PLACE}, {"kenya", W_PLACE}, {"nairobi", W_PLACE},
    {"ethiopia", W_PLACE}, {"ghana", W_PLACE}, {"chile", W_PLACE}, {"peru", W_PLACE},
    {"colombia", W_PLACE}, {"venezuela", W_PLACE}, {"cuba", W_PLACE},
    {"washington", W_PLACE}, {"geneva", W_PLACE}, {"brussels", W_PLACE},
    {"davos", W_PLACE}, {"switzerland", W_PLACE}, {"sweden", W_PLACE},
    {"norway", W_PLACE}, {"finland", W_PLACE}, {"denmark", W_PLACE},
    {"netherlands", W_PLACE}, {"belgium", W_PLACE}, {"poland", W_PLACE},
    {"greece", W_PLACE}, {"portugal", W_PLACE}, {"austria", W_PLACE},
    {"hungary", W_PLACE}, {"czech", W_PLACE}, {"ireland", W_PLACE},
    {"scotland", W_PLACE}, {"wales", W_PLACE}, {"new", W_PLACE}, {"york", W_PLACE},
    {"south", W_PLACE}, {"north", W_PLACE}, {"east", W_PLACE}, {"west", W_PLACE},
    {"southeast", W_PLACE}, {"northeast", W_PLACE}, {"southwest", W_PLACE},
    {"northwest", W_PLACE}, {"central", W_PLACE}, {"western", W_PLACE},
    {"eastern", W_PLACE}, {"northern", W_PLACE}, {"southern", W_PLACE},
    {"middle", W_PLACE}, {"latin", W_PLACE}, {"pacific", W_PLACE},
    {"atlantic", W_PLACE}, {"arctic", W_PLACE}, {"mekong", W_PLACE},
    {"yunnan", W_PLACE}, {"guangdong", W_PLACE}, {"guangxi", W_PLACE},
    {"shenzhen", W_PLACE}, {"hainan", W_PLACE}, {"xinjiang", W_PLACE},
    {"tibet", W_PLACE}, {"fujian", W_PLACE}, {"sichuan", W_PLACE},
    {"wuhan", W_PLACE}, {"chongqing", W_PLACE}, {"tianjin", W_PLACE},
    {"nanning", W_PLACE}, {"kunming", W_PLACE}, {"guangzhou", W_PLACE},
    {"hangzhou", W_PLACE}, {"nanjing", W_PLACE}, {"wall", W_PLACE},
    {"silicon", W_PLACE}, {"capitol", W_PLACE}, {"downing", W_PLACE},
    {"sri", W_PLACE}, {"saudi", W_PLACE | W_NATION},
    /* nationalities */
    {"chinese", W_NATION}, {"american", W_NATION}, {"british", W_NATION},
    {"japanese", W_NATION}, {"korean", W_NATION}, {"indian", W_NATION},
    {"russian", W_NATION}, {"french", W_NATION}, {"german", W_NATION},
    {"european", W_NATION}, {"asian", W_NATION}, {"african", W_NATION},
    {"malaysian", W_NATION}, {"singaporean", W_NATION}, {"indonesian", W_NATION},
    {"thai", W_NATION}, {"vietnamese", W_NATION}, {"filipino", W_NATION},
    {"philippine", W_NATION}, {"cambodian", W_NATION}, {"lao", W_NATION},
    {"laotian", W_NATION}, {"burmese", W_NATION}, {"bruneian", W_NATION},
    {"australian", W_NATION}, {"canadian", W_NATION}, {"mexican", W_NATION},
    {"brazilian", W_NATION}, {"iranian", W_NATION}, {"israeli", W_NATION},
    {"palestinian", W_NATION}, {"turkish", W_NATION}, {"egyptian", W_NATION},
    {"pakistani", W_NATION}, {"bangladeshi", W_NATION}, {"nepali", W_NATION},
    {"ukrainian", W_NATION}, {"italian", W_NATION}, {"spanish", W_NATION},
    {"dutch", W_NATION}, {"swiss", W_NATION}, {"swedish", W_NATION},
    {"polish", W_NATION}, {"greek", W_NATION}, {"nigerian", W_NATION},
    {"kenyan", W_NATION}, {"arab", W_NATION}, {"emirati", W_NATION},
    {"mongolian", W_NATION}, {"taiwanese", W_NATION}, {"sri lankan", W_NATION},
    {"lankan", W_NATION}, {"kazakh", W_NATION}, {"argentine", W_NATION},
    {"chilean", W_NATION}, {"peruvian", W_NATION}, {"european-based", W_NATION},
    /* openers: capitalised at a sentence start, never part of a name */
    {"the", W_OPENER | W_DET | W_STOP}, {"a", W_OPENER | W_DET | W_STOP | W_ANSWER},
    {"an", W_OPENER | W_DET | W_STOP}, {"in", W_OPENER | W_STOP},
    {"on", W_OPENER | W_STOP}, {"at", W_OPENER | W_STOP}, {"for", W_OPENER | W_STOP},
    {"by", W_OPENER | W_STOP | W_META}, {"with", W_OPENER | W_STOP},
    {"this", W_OPENER | W_DET | W_STOP}, {"that", W_OPENER | W_STOP},
    {"these", W_OPENER | W_DET | W_STOP}, {"those", W_OPENER | W_DET | W_STOP},
    {"it", W_OPENER}, {"its", W_OPENER | W_DET | W_STOP}, {"we", W_OPENER},
    {"they", W_OPENER}, {"he", W_OPENER | W_MALE}, {"she", W_OPENER | W_FEMALE},
    {"i", W_OPENER}, {"but", W_OPENER | W_STOP}, {"and", W_OPENER | W_STOP},
    {"or", W_OPENER | W_STOP}, {"however", W_OPENER | W_AUX},
    {"meanwhile", W_OPENER}, {"yet", W_OPENER | W_STOP}, {"so", W_OPENER | W_STOP},
    {"if", W_OPENER | W_STOP}, {"when", W_OPENER | W_STOP}, {"while", W_OPENER | W_STOP},
    {"although", W_OPENER | W_STOP}, {"though", W_OPENER | W_STOP | W_AUX},
    {"as", W_OPENER | W_STOP}, {"after", W_OPENER | W_STOP},
    {"before", W_OPENER | W_STOP}, {"since", W_OPENER | W_STOP},
    {"first", W_OPENER}, {"second", W_OPENER}, {"third", W_OPENER},
    {"fourth", W_OPENER}, {"finally", W_OPENER}, {"ultimately", W_OPENER},
    {"moreover", W_OPENER}, {"furthermore", W_OPENER}, {"additionally", W_OPENER},
    {"today", W_OPENER}, {"now", W_OPENER}, {"our", W_OPENER | W_DET | W_STOP},
    {"their", W_OPENER | W_DET | W_STOP}, {"his", W_OPENER | W_DET | W_STOP | W_MALE},
    {"her", W_OPENER | W_DET | W_STOP | W_FEMALE}, {"my", W_OPENER | W_DET | W_STOP},
    {"your", W_OPENER | W_DET | W_STOP}, {"editor's", W_OPENER | W_META},
    {"note", W_OPENER | W_META}, {"published", W_OPENER | W_META},
    {"illustration", W_OPENER | W_META}, {"photo", W_OPENER | W_META},
    {"source", W_OPENER | W_META}, {"according", W_OPENER},
    {"earlier", W_OPENER | W_AUX}, {"later", W_OPENER | W_AUX},
    {"separately", W_OPENER | W_AUX}, {"still", W_OPENER | W_AUX},
    {"instead", W_OPENER}, {"indeed", W_OPENER}, {"similarly", W_OPENER | W_AUX},
    {"likewise", W_OPENER}, {"also", W_OPENER | W_AUX}, {"then", W_OPENER | W_AUX},
    {"thus", W_OPENER}, {"hence", W_OPENER}, {"therefore", W_OPENER},
    {"overall", W_OPENER}, {"last", W_OPENER}, {"next", W_OPENER},
    {"speaking", W_OPENER}, {"asked", W_OPENER | W_SAY}, {"citing", W_OPENER},
    {"echoing", W_OPENER}, {"despite", W_OPENER | W_STOP}, {"given", W_OPENER},
    {"under", W_OPENER | W_STOP}, {"over", W_OPENER | W_STOP},
    {"from", W_OPENER | W_STOP}, {"to", W_OPENER | W_STOP}, {"of", W_OPENER | W_STOP},
    {"like", W_OPENER | W_STOP}, {"unlike", W_OPENER | W_STOP},
    {"without", W_OPENER | W_STOP}, {"through", W_OPENER | W_STOP},
    {"during", W_OPENER | W_STOP}, {"amid", W_OPENER | W_STOP},
    {"among", W_OPENER | W_STOP}, {"following", W_OPENER | W_STOP},
    {"including", W_OPENER | W_STOP}, {"both", W_OPENER}, {"each", W_OPENER},
    {"every", W_OPENER}, {"all", W_OPENER}, {"most", W_OPENER},
    {"several", W_OPENER}, {"other", W_OPENER}, {"another", W_OPENER},
    {"such", W_OPENER}, {"only", W_OPENER}, {"even", W_OPENER}, {"just", W_OPENER},
    {"not", W_OPENER | W_NEG}, {"no", W_OPENER}, {"yes", W_OPENER},
    {"there", W_OPENER}, {"here", W_OPENER}, {"what", W_OPENER | W_STOP},
    {"why", W_OPENER | W_STOP}, {"how", W_OPENER | W_STOP},
    {"where", W_OPENER | W_STOP}, {"which", W_OPENER | W_STOP},
    {"whose", W_OPENER | W_STOP}, {"one", W_OPENER}, {"two", W_OPENER},
    {"three", W_OPENER}, {"four", W_OPENER}, {"five", W_OPENER},
    {"whether", W_OPENER | W_STOP}, {"because", W_OPENER | W_STOP},
    {"until", W_OPENER | W_STOP}, {"unless", W_OPENER | W_STOP},
    {"once", W_OPENER | W_AUX}, {"beyond", W_OPENER | W_STOP},
    {"across", W_OPENER | W_STOP}, {"against", W_OPENER | W_STOP},
    {"between", W_OPENER | W_STOP}, {"within", W_OPENER | W_STOP},
    {"toward", W_OPENER | W_STOP}, {"towards", W_OPENER | W_STOP},
    {"upon", W_OPENER | W_STOP}, {"nevertheless", W_OPENER},
    {"nonetheless", W_OPENER}, {"notably", W_OPENER}, {"importantly", W_OPENER},
    {"clearly", W_OPENER | W_AUX}, {"perhaps", W_OPENER}, {"certainly", W_OPENER},
    {"already", W_OPENER | W_AUX}, {"again", W_OPENER | W_AUX},
    {"recently", W_OPENER | W_AUX}, {"yesterday", W_OPENER}, {"tomorrow", W_OPENER},
    {"dear", W_OPENER}, {"thanks", W_OPENER}, {"well", W_OPENER},
    {"opinion", W_OPENER | W_META}, {"viewpoint", W_OPENER | W_META},
    {"beside", W_OPENER | W_STOP}, {"besides", W_OPENER | W_STOP},
    {"whereas", W_OPENER | W_STOP}, {"do", W_OPENER | W_AUX},
    {"does", W_OPENER | W_AUX}, {"did", W_OPENER | W_AUX},
    {"is", W_AUX | W_STOP}, {"are", W_STOP}, {"was", W_AUX | W_STOP},
    {"were", W_STOP}, {"be", W_STOP}, {"been", W_AUX}, {"has", W_AUX | W_STOP},
    {"have", W_AUX | W_STOP}, {"had", W_AUX | W_STOP}, {"would", W_AUX},
    {"will", W_AUX}, {"could", W_AUX}, {"might", W_AUX}, {"may", W_AUX},
    {"should", W_AUX}, {"must", W_AUX}, {"further", W_AUX}, {"previously", W_AUX},
    {"repeatedly", W_AUX}, {"often", W_AUX}, {"long", W_AUX}, {"too", W_AUX},
    {"publicly", W_AUX}, {"privately", W_AUX}, {"bluntly", W_AUX},
    {"frankly", W_AUX}, {"candidly", W_AUX}, {"openly", W_AUX}, {"simply", W_AUX},
    {"firmly", W_AUX}, {"strongly", W_AUX}, {"explicitly", W_AUX},
    {"rightly", W_AUX}, {"correctly", W_AUX}, {"famously", W_AUX},
    {"subsequently", W_AUX}, {"himself", W_AUX | W_MALE}, {"herself", W_AUX | W_FEMALE},
    {"itself", W_AUX}, {"themselves", W_AUX}, {"quickly", W_AUX},
    {"echoed", W_SAY}, {"never", W_NEG}, {"n't", W_NEG}, {"declined", W_NEG},
    {"refused", W_NEG}, {"reportedly", W_AUX}, {"once", W_AUX},
    /* months and days */
    {"january", W_TIME}, {"february", W_TIME}, {"march", W_TIME},
    {"april", W_TIME}, {"june", W_TIME}, {"july", W_TIME}, {"august", W_TIME},
    {"september", W_TIME}, {"october", W_TIME}, {"november", W_TIME},
    {"december", W_TIME}, {"jan", W_TIME}, {"feb", W_TIME}, {"mar", W_TIME},
    {"apr", W_TIME}, {"jun", W_TIME}, {"jul", W_TIME}, {"aug", W_TIME},
    {"sep", W_TIME}, {"sept", W_TIME}, {"oct", W_TIME}, {"nov", W_TIME},
    {"dec", W_TIME}, {"monday", W_TIME}, {"tuesday", W_TIME},
    {"wednesday", W_TIME}, {"thursday", W_TIME}, {"friday", W_TIME},
    {"saturday", W_TIME}, {"sunday", W_TIME},
    /* furniture labels */
    {"updated", W_META}, {"posted", W_META}, {"image", W_META}, {"images", W_META},
    {"picture", W_META}, {"photos", W_META}, {"credit", W_META}, {"credits", W_META},
    {"caption", W_META}, {"notes", W_META}, {"editors", W_META},
    {"byline", W_META}, {"date", W_META}, {"dateline", W_META}, {"time", W_META},
    {"title", W_META}, {"subject", W_META}, {"tags", W_META}, {"tag", W_META},
    {"keywords", W_META}, {"keyword", W_META}, {"category", W_META},
    {"categories", W_META}, {"section", W_META}, {"related", W_META},
    {"read", W_META}, {"more", W_META}, {"see", W_META}, {"share", W_META},
    {"email", W_META}, {"e-mail", W_META}, {"tel", W_META}, {"telephone", W_META},
    {"phone", W_META}, {"fax", W_META}, {"website", W_META}, {"web", W_META},
    {"url", W_META}, {"link", W_META}, {"links", W_META}, {"contact", W_META},
    {"address", W_META}, {"location", W_META}, {"venue", W_META},
    {"disclaimer", W_META}, {"copyright", W_META}, {"summary", W_META},
    {"background", W_META}, {"context", W_META}, {"update", W_META},
    {"correction", W_META}, {"clarification", W_META}, {"warning", W_META},
    {"important", W_META}, {"key", W_META}, {"points", W_META},
    {"takeaways", W_META}, {"takeaway", W_META}, {"conclusion", W_META},
    {"introduction", W_META}, {"abstract", W_META}, {"topic", W_META},
    {"topics", W_META}, {"theme", W_META}, {"agenda", W_META}, {"chapter", W_META},
    {"part", W_META}, {"step", W_META}, {"example", W_META}, {"exhibit", W_META},
    {"table", W_META}, {"figure", W_META}, {"fig", W_META}, {"chart", W_META},
    {"video", W_META}, {"audio", W_META}, {"watch", W_META}, {"listen", W_META},
    {"follow", W_META}, {"subscribe", W_META}, {"advertisement", W_META},
    {"ad", W_META}, {"sponsored", W_META}, {"breaking", W_META},
    {"exclusive", W_META}, {"analysis", W_META}, {"comment", W_META},
    {"commentary", W_META}, {"editorial", W_META}, {"interview", W_META},
    {"transcript", W_META}, {"day", W_META}, {"week", W_META},
    {"morning", W_META}, {"evening", W_META}, {"headline", W_META},
    {"verdict", W_META}, {"bottom", W_META}, {"line", W_META}, {"lesson", W_META},
    {"lessons", W_META}, {"result", W_META}, {"results", W_META},
    {"status", W_META}, {"edited", W_META}, {"translated", W_META},
    {"translation", W_META}, {"compiled", W_META}, {"written", W_META},
    {"reporting", W_META}, {"additional", W_META}, {"ps", W_META}, {"nb", W_META},
    {"faq", W_META}, {"footnote", W_META}, {"reference", W_META},
    {"references", W_META}, {"appendix", W_META}, {"data", W_META},
    {"speaker", W_META}, {"speakers", W_META}, {"panel", W_META},
    {"welcome", W_META}, {"guest", W_META}, {"guests", W_META},
    {"participants", W_META}, {"attendees", W_META}, {"keynote", W_META},
    {"q&a", W_META}, {"question", W_ASKER}, {"questions", W_ASKER},
    {"q", W_ASKER}, {"answer", W_ANSWER}, {"answers", W_ANSWER},
    /* particles inside names */
    {"van", W_PARTICLE}, {"von", W_PARTICLE}, {"de", W_PARTICLE},
    {"da", W_PARTICLE}, {"del", W_PARTICLE}, {"der", W_PARTICLE},
    {"di", W_PARTICLE}, {"dos", W_PARTICLE}, {"du", W_PARTICLE},
    {"la", W_PARTICLE}, {"le", W_PARTICLE}, {"bin", W_PARTICLE},
    {"binti", W_PARTICLE}, {"al", W_PARTICLE}, {"ibn", W_PARTICLE},
    {"y", W_PARTICLE}, {"ter", W_PARTICLE}, {"ten", W_PARTICLE},
    {"bte", W_PARTICLE}, {"bt", W_PARTICLE}, {"bint", W_PARTICLE},
    {"el", W_PARTICLE}, {"dela", W_PARTICLE}, {"st", W_PARTICLE},
    /* post-nominals */
    {"phd", W_POSTNOM}, {"ph.d", W_POSTNOM}, {"ph.d.", W_POSTNOM},
    {"md", W_POSTNOM}, {"mba", W_POSTNOM}, {"obe", W_POSTNOM},
    {"cbe", W_POSTNOM}, {"mbe", W_POSTNOM}, {"esq", W_POSTNOM},
    {"jr", W_SUFFIX}, {"sr", W_SUFFIX}, {"ii", W_SUFFIX}, {"iii", W_SUFFIX},
    {"iv", W_SUFFIX},
    /* speech verbs */
    {"said", W_SAY}, {"says", W_SAY}, {"say", W_SAY}, {"told", W_SAY},
    {"tells", W_SAY}, {"added", W_SAY | W_ADD}, {"adds", W_SAY | W_ADD},
    {"continued", W_SAY | W_ADD}, {"continues", W_SAY | W_ADD},
    {"noted", W_SAY}, {"argued", W_SAY}, {"argues", W_SAY},
    {"explained", W_SAY}, {"explains", W_SAY}, {"stressed", W_SAY},
    {"stresses", W_SAY}, {"emphasized", W_SAY}, {"emphasised", W_SAY},
    {"emphasizes", W_SAY}, {"emphasises", W_SAY}, {"remarked", W_SAY},
    {"commented", W_SAY}, {"contended", W_SAY}, {"contends", W_SAY},
    {"insisted", W_SAY}, {"insists", W_SAY}, {"declared", W_SAY},
    {"declares", W_SAY}, {"observed", W_SAY}, {"observes", W_SAY},
    {"cautioned", W_SAY}, {"cautions", W_SAY}, {"replied", W_SAY},
    {"replies", W_SAY}, {"responded", W_SAY}, {"answered", W_SAY},
    {"asks", W_SAY}, {"wrote", W_SAY}, {"writes", W_SAY},
    {"quipped", W_SAY}, {"reiterated", W_SAY}, {"reiterates", W_SAY},
    {"countered", W_SAY}, {"conceded", W_SAY}, {"concedes", W_SAY},
    {"underlined", W_SAY}, {"underscored", W_SAY}, {"underscores", W_SAY},
    {"maintained", W_WEAK}, {"maintains", W_WEAK}, {"opined", W_SAY},
    {"lamented", W_SAY}, {"complained", W_SAY}, {"acknowledged", W_WEAK},
    {"acknowledges", W_WEAK}, {"admitted", W_WEAK}, {"admits", W_WEAK},
    {"elaborated", W_SAY}, {"recalled", W_WEAK}, {"recalls", W_WEAK},
    {"summarized", W_SAY}, {"summarised", W_SAY}, {"predicted", W_WEAK},
    {"predicts", W_WEAK}, {"warned", W_WEAK}, {"warns", W_WEAK},
    {"believes", W_WEAK | W_OPINE}, {"believed", W_WEAK | W_OPINE},
    {"thinks", W_WEAK | W_OPINE}, {"reckons", W_WEAK | W_OPINE},
    {"expects", W_WEAK | W_OPINE},
    {"suggested", W_WEAK}, {"suggests", W_WEAK}, {"stated", W_WEAK},
    {"claimed", W_WEAK}, {"claims", W_WEAK}, {"agreed", W_WEAK},
    {"agrees", W_WEAK}, {"estimated", W_WEAK}, {"estimates", W_WEAK},
    {"announced", W_WEAK}, {"concluded", W_WEAK}, {"concludes", W_WEAK},
    {"urged", W_WEAK}, {"highlighted", W_WEAK}, {"pointed", W_SAY},
    {"went", W_SAY | W_ADD}, {"explain", 0}, {"notes", W_SAY | W_META},
    {"saying", W_SAYING}, {"adding", W_SAYING | W_ADD}, {"noting", W_SAYING},
    {"arguing", W_SAYING}, {"stressing", W_SAYING}, {"warning", W_SAYING | W_META},
    {"explaining", W_SAYING}, {"insisting", W_SAYING}, {"emphasizing", W_SAYING},
    {"emphasising", W_SAYING}, {"claiming", W_SAYING}, {"pointing", W_SAYING},
    {"stating", W_SAYING}, {"telling", W_SAYING}, {"suggesting", W_SAYING},
    {"acknowledging", W_SAYING}, {"urging", W_SAYING}, {"calling", 0},
};

#define WTAB_BITS 12
#define WTAB_SIZE (1u << WTAB_BITS)
static struct {
  const char *w;
  unsigned c;
} g_wtab[WTAB_SIZE];
static pthread_once_t g_wtab_once = PTHREAD_ONCE_INIT;

static uint64_t hash_lower(const char *s, size_t n) {
  uint64_t h = 1469598103934665603ULL;
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)s[i];
    if (c >= 'A' && c <= 'Z') c = (unsigned char)(c + 32);
    h ^= c;
    h *= 1099511628211ULL;
  }
  return h;
}

static int eq_lower(const char *a, size_t an, const char *b, size_t bn) {
  if (an != bn) return 0;
  for (size_t i = 0; i < an; i++) {
    unsigned char x = (unsigned char)a[i], y = (unsigned char)b[i];
    if (x >= 'A' && x <= 'Z') x = (unsigned char)(x + 32);
    if (y >= 'A' && y <= 'Z') y = (unsigned char)(y + 32);
    if (x != y) return 0;
  }
  return 1;
}

static void wtab_build(void) {
  for (size_t i = 0; i < sizeof kWords / sizeof kWords[0]; i++) {
    const char *w = kWords[i].w;
    size_t n = strlen(w);
    size_t h = (size_t)(hash_lower(w, n) & (WTAB_SIZE - 1));
    while (g_wtab[h].w && strcmp(g_wtab[h].w, w) != 0) h = (h + 1) & (WTAB_SIZE - 1);
    g_wtab[h].w = w;
    g_wtab[h].c |= kWords[i].c;
  }
}

/* Class bits of a word (ASCII case-insensitive). */
static unsigned wclass_n(const char *s, size_t n) {
  pthread_once(&g_wtab_once, wtab_build);
  if (n == 0 || n > 40) return 0;
  size_t h = (size_t)(hash_lower(s, n) & (WTAB_SIZE - 1));
  while (g_wtab[h].w) {
    if (eq_lower(g_wtab[h].w, strlen(g_wtab[h].w), s, n)) return g_wtab[h].c;
    h = (h + 1) & (WTAB_SIZE - 1);
  }
  return 0;
}

/* ======================================================================
 * A small string -> int map (keys compared ASCII case-insensitively)
 * ====================================================================== */

typedef struct {
  uint32_t *slots;  /* entry index + 1, 0 = empty */
  size_t cap;
  struct {
    uint32_t off, len;
    int val;
  } *ents;
  size_t n, capents;
  lxs_buf keys;
} strmap;

static void sm_init(strmap *m) {
  memset(m, 0, sizeof *m);
  lxs_buf_init(&m->keys);
}

static void sm_free(strmap *m) {
  free(m->slots);
  free(m->ents);
  lxs_buf_free(&m->keys);
  memset(m, 0, sizeof *m);
}

static uint32_t *sm_slot(strmap *m, const char *k, size_t n) {
  size_t h = (size_t)(hash_lower(k, n) & (m->cap - 1));
  for (;;) {
    uint32_t e = m->slots[h];
    if (!e) return &m->slots[h];
    if (eq_lower(m->keys.data + m->ents[e - 1].off, m->ents[e - 1].len, k, n))
      return &m->slots[h];
    h = (h + 1) & (m->cap - 1);
  }
}

/* Value of key, or -1. */
static int sm_get(const strmap *m, const char *k, size_t n) {
  if (!m->cap || !n) return -1;
  uint32_t e = *sm_slot((strmap *)m, k, n);
  return e ? m->ents[e - 1].val : -1;
}

static void sm_grow(strmap *m) {
  size_t nc = m->cap ? m->cap * 2 : 64;
  free(m->slots);
  m->slots = lxs_xcalloc(nc, sizeof *m->slots);
  m->cap = nc;
  for (size_t i = 0; i < m->n; i++) {
    uint32_t *s = sm_slot(m, m->keys.data + m->ents[i].off, m->ents[i].len);
    *s = (uint32_t)i + 1;
  }
}

/* Set key to val; with keep, an existing different value becomes -2
 * (ambiguous) instead of being replaced. */
static void sm_put(strmap *m, const char *k, size_t n, int val, int keep) {
  if (!n) return;
  if ((m->n + 1) * 2 > m->cap) sm_grow(m);
  uint32_t *s = sm_slot(m, k, n);
  if (*s) {
    int *v = &m->ents[*s - 1].val;
    if (!keep) *v = val;
    else if (*v != val) *v = -2;
    return;
  }
  LXS_VEC_GROW(m->ents, m->n, m->capents);
  m->ents[m->n].off = (uint32_t)m->keys.len;
  m->ents[m->n].len = (uint32_t)n;
  m->ents[m->n].val = val;
  lxs_buf_put(&m->keys, k, n);
  *s = (uint32_t)++m->n;
}

/* ======================================================================
 * Canonical names
 * ====================================================================== */

typedef struct {
  const char *p;
  size_t n;
} wref;

static int ascii_upper(unsigned char c) { return c >= 'A' && c <= 'Z'; }
static int ascii_lower(unsigned char c) { return c >= 'a' && c <= 'z'; }

/* Dotted initials "T.C." / "T." / "T.C" */
static int dotted_initials(const char *p, size_t n) {
  if (n < 2) return 0;
  int letters = 0;
  for (size_t i = 0; i < n;) {
    if (!ascii_upper((unsigned char)p[i])) return 0;
    letters++;
    i++;
    if (i < n) {
      if (p[i] != '.') return 0;
      i++;
    }
  }
  return letters >= 1 && memchr(p, '.', n) != NULL;
}

static int word_all_caps(const char *p, size_t n, int *letters) {
  int up = 0, lo = 0;
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)p[i];
    if (ascii_upper(c)) up++;
    else if (ascii_lower(c) || c >= 0x80) lo++;
  }
  *letters = up + lo;
  return up >= 1 && lo == 0;
}

size_t lxs_canonical_name(const char *s, size_t len, lxs_buf *out) {
  size_t at = out->len;
  wref w[40];
  size_t nw = 0;
  size_t pos = 0;
  /* split on Unicode space */
  while (pos < len && nw < 40) {
    int32_t cp;
    size_t m = lxs_utf8_decode((const unsigned char *)s + pos, len - pos, &cp);
    if (lxs_utf8_is_space(cp) || cp == 0) {
      pos += m;
      continue;
    }
    size_t st = pos;
    while (pos < len) {
      m = lxs_utf8_decode((const unsigned char *)s + pos, len - pos, &cp);
      if (lxs_utf8_is_space(cp) || cp == 0) break;
      pos += m;
    }
    size_t en = pos;
    while (en > st && (s[en - 1] == ',' || s[en - 1] == ';' || s[en - 1] == ':')) en--;
    if (en > st) w[nw++] = (wref){s + st, en - st};
  }
  /* possessive on the last word */
  if (nw) {
    wref *l = &w[nw - 1];
    if (l->n > 2 && (l->p[l->n - 1] == 's' || l->p[l->n - 1] == 'S') &&
        l->p[l->n - 2] == '\'')
      l->n -= 2;
    else if (l->n > 4 && (l->p[l->n - 1] == 's') &&
             memcmp(l->p + l->n - 4, "\xE2\x80\x99", 3) == 0)
      l->n -= 4;
    else if (l->n > 1 && l->p[l->n - 1] == '\'')
      l->n -= 1;
    else if (l->n > 3 && memcmp(l->p + l->n - 3, "\xE2\x80\x99", 3) == 0)
      l->n -= 3;
  }
  /* leading titles: strip through the last title/role word of a leading
   * run of title, role, office-adjective, nationality and place words. */
  size_t first = 0, cut = 0;
  for (size_t i = 0; i + 1 < nw; i++) {
    size_t n = w[i].n;
    if (n && w[i].p[n - 1] == '.') n--;
    unsigned c = wclass_n(w[i].p, n);
    if (c & W_TITLE) cut = i + 1;
    else if (!(c & (W_ROLEADJ | W_NATION | W_PLACE | W_ORG | W_DET | W_STOP)))
      break;
  }
  first = cut;
  /* post-nominals */
  while (nw > first + 1) {
    wref *l = &w[nw - 1];
    size_t n = l->n;
    if (n && l->p[n - 1] == '.') n--;
    if (!(wclass_n(l->p, n) & W_POSTNOM)) break;
    nw--;
  }
  /* all-capitals name? */
  int mixed = 0, caps_words = 0;
  for (size_t i = first; i < nw; i++) {
    int letters;
    int ac = word_all_caps(w[i].p, w[i].n, &letters);
    if (!ac && letters) mixed = 1;
    if (ac && letters >= 2 && !dotted_initials(w[i].p, w[i].n)) caps_words++;
  }
  int all_caps = !mixed && caps_words > 0 &&
                 (nw - first > 1 || (w[first].n >= 5));
  int emitted = 0;
  for (size_t i = first; i < nw; i++) {
    const char *p = w[i].p;
    size_t n = w[i].n;
    int letters;
    int ac = word_all_caps(p, n, &letters);
    if (dotted_initials(p, n) || (n == 2 && ascii_upper((unsigned char)p[0]) && p[1] == '.')) {
      for (size_t k = 0; k < n; k++)
        if (p[k] != '.') {
          if (emitted) lxs_buf_putc(out, ' ');
          lxs_buf_putc(out, p[k]);
          emitted = 1;
        }
      continue;
    }
    if (!all_caps && ac && letters >= 2 && letters <= 3 && n == (size_t)letters &&
        i > first && i + 1 < nw) {
      /* middle "TC" -> "T C" */
      for (size_t k = 0; k < n; k++) {
        if (emitted) lxs_buf_putc(out, ' ');
        lxs_buf_putc(out, p[k]);
        emitted = 1;
      }
      continue;
    }
    if (emitted) lxs_buf_putc(out, ' ');
    emitted = 1;
    if (all_caps && letters >= 2) {
      int start = 1;
      for (size_t k = 0; k < n; k++) {
        unsigned char c = (unsigned char)p[k];
        if (ascii_upper(c) && !start) c = (unsigned char)(c + 32);
        lxs_buf_putc(out, (char)c);
        start = (c == '-' || c == '\'');
      }
      continue;
    }
    /* "Jr." -> "Jr" (a lone initial "T." was handled above) */
    if (n > 1 && p[n - 1] == '.' && (wclass_n(p, n - 1) & W_SUFFIX)) n--;
    lxs_buf_put(out, p, n);
  }
  lxs_buf_putc(out, '\0');
  out->len--;
  return out->len - at;
}

/* ======================================================================
 * Speakers
 * ====================================================================== */

/* Copy text collapsing any run of Unicode space to one ASCII space. */
static char *clean_copy(const char *s, size_t n) {
  lxs_buf b;
  lxs_buf_init(&b);
  size_t pos = 0;
  int space = 0;
  while (pos < n) {
    int32_t cp;
    size_t m = lxs_utf8_decode((const unsigned char *)s + pos, n - pos, &cp);
    if (lxs_utf8_is_space(cp) || cp == 0) {
      space = 1;
    } else {
      if (space && b.len) lxs_buf_putc(&b, ' ');
      space = 0;
      if (cp == LXS_REPLACEMENT_CHAR && m == 1) lxs_buf_put(&b, "\xEF\xBF\xBD", 3);
      else lxs_buf_put(&b, s + pos, m);
    }
    pos += m;
  }
  char *r = lxs_xstrndup(b.data ? b.data : "", b.len);
  lxs_buf_free(&b);
  return r;
}

static void sp_rehash(lxs_speakers *sp) {
  size_t nc = sp->hcap ? sp->hcap * 2 : 32;
  free(sp->htab);
  sp->htab = lxs_xcalloc(nc, sizeof *sp->htab);
  sp->hcap = nc;
  for (size_t i = 0; i < sp->n; i++) {
    size_t h = (size_t)(hash_lower(sp->names[i], strlen(sp->names[i])) & (nc - 1));
    while (sp->htab[h]) h = (h + 1) & (nc - 1);
    sp->htab[h] = (uint32_t)i + 1;
  }
}

void lxs_speakers_init(lxs_speakers *sp) {
  memset(sp, 0, sizeof *sp);
  lxs_speakers_intern(sp, "author", 6, "", 0);
}

void lxs_speakers_clear(lxs_speakers *sp) {
  for (size_t i = 1; i < sp->n; i++) {
    free(sp->names[i]);
    free(sp->descs[i]);
  }
  if (sp->n > 1) {
    sp->n = 1;
    if (sp->hcap) {
      memset(sp->htab, 0, sp->hcap * sizeof *sp->htab);
      size_t h = (size_t)(hash_lower(sp->names[0], strlen(sp->names[0])) & (sp->hcap - 1));
      sp->htab[h] = 1;
    }
  }
  if (sp->n == 1 && sp->descs[0][0]) {
    free(sp->descs[0]);
    sp->descs[0] = lxs_xstrndup("", 0);
  }
}

void lxs_speakers_free(lxs_speakers *sp) {
  for (size_t i = 0; i < sp->n; i++) {
    free(sp->names[i]);
    free(sp->descs[i]);
  }
  free(sp->names);
  free(sp->descs);
  free(sp->htab);
  memset(sp, 0, sizeof *sp);
}

uint32_t lxs_speakers_intern(lxs_speakers *sp, const char *name, size_t nlen,
                             const char *desc, size_t dlen) {
  lxs_buf b;
  lxs_buf_init(&b);
  lxs_canonical_name(name, nlen, &b);
  if (b.len == 0) lxs_buf_put(&b, "author", 6);
  size_t kn = b.len;
  if ((sp->n + 1) * 2 > sp->hcap) sp_rehash(sp);
  size_t h = (size_t)(hash_lower(b.data, kn) & (sp->hcap - 1));
  while (sp->htab[h]) {
    size_t i = sp->htab[h] - 1;
    if (eq_lower(sp->names[i], strlen(sp->names[i]), b.data, kn)) {
      lxs_buf_free(&b);
      if (!sp->descs[i][0] && dlen) {
        char *d = clean_copy(desc, dlen);
        if (d[0]) {
          free(sp->descs[i]);
          sp->descs[i] = d;
        } else {
          free(d);
        }
      }
      return (uint32_t)i;
    }
    h = (h + 1) & (sp->hcap - 1);
  }
  if (sp->n == sp->cap) {
    sp->cap = sp->cap ? sp->cap * 2 : 8;
    sp->names = lxs_xrealloc(sp->names, sp->cap * sizeof(char *));
    sp->descs = lxs_xrealloc(sp->descs, sp->cap * sizeof(char *));
  }
  sp->names[sp->n] = lxs_xstrndup(b.data, kn);
  sp->descs[sp->n] = clean_copy(desc, dlen);
  lxs_buf_free(&b);
  sp->htab[h] = (uint32_t)sp->n + 1;
  return (uint32_t)sp->n++;
}

/* ======================================================================
 * Speaker hints
 * ====================================================================== */

void lxs_speaker_hints_init(lxs_speaker_hints *h) { memset(h, 0, sizeof *h); }

void lxs_speaker_hints_free(lxs_speaker_hints *h) {
  for (size_t i = 0; i < h->n; i++) {
    free(h->items[i].name);
    for (size_t k = 0; k < h->items[i].n_aliases; k++) free(h->items[i].aliases[k]);
    free(h->items[i].aliases);
  }
  free(h->items);
  memset(h, 0, sizeof *h);
}

size_t lxs_speaker_hints_add(lxs_speaker_hints *h, const char *name,
                             size_t nlen) {
  char *nm = clean_copy(name, nlen);
  for (size_t i = 0; i < h->n; i++)
    if (strcasecmp(h->items[i].name, nm) == 0) {
      free(nm);
      return i;
    }
  LXS_VEC_GROW(h->items, h->n, h->cap);
  lxs_speaker_hint *it = &h->items[h->n];
  it->name = nm;
  it->aliases = NULL;
  it->n_aliases = 0;
  return h->n++;
}

void lxs_speaker_hints_add_alias(lxs_speaker_hints *h, size_t i,
                                 const char *alias, size_t alen) {
  if (i >= h->n) return;
  lxs_speaker_hint *it = &h->items[i];
  char *a = clean_copy(alias, alen);
  if (!a[0]) {
    free(a);
    return;
  }
  for (size_t k = 0; k < it->n_aliases; k++)
    if (strcasecmp(it->aliases[k], a) == 0) {
      free(a);
      return;
    }
  it->aliases = lxs_xrealloc(it->aliases, (it->n_aliases + 1) * sizeof(char *));
  it->aliases[it->n_aliases++] = a;
}

static int blank_field(const char *p, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (p[i] != ' ' && p[i] != '\t' && p[i] != '\r') return 0;
  return 1;
}

int lxs_speaker_hints_load_buffer(lxs_speaker_hints *h, const char *name,
                                  const char *data, size_t len, char *err,
                                  size_t errlen) {
  size_t pos = 0, line = 0;
  if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0) pos = 3;
  while (pos < len) {
    line++;
    const char *nl = memchr(data + pos, '\n', len - pos);
    size_t end = nl ? (size_t)(nl - data) : len;
    size_t le = end;
    if (le > pos && data[le - 1] == '\r') le--;
    const char *l = data + pos;
    size_t ln = le - pos;
    pos = nl ? end + 1 : len;
    if (blank_field(l, ln) || l[0] == '#') continue;
    if (lxs_utf8_validate(l, ln) != ln) {
      lxs_set_err(err, errlen, "%s:%zu: invalid UTF-8", name, line);
      return LXS_EDATA;
    }
    size_t fpos = 0, field = 1, idx = 0;
    for (;;) {
      const char *tab = memchr(l + fpos, '\t', ln - fpos);
      size_t fe = tab ? (size_t)(tab - l) : ln;
      if (blank_field(l + fpos, fe - fpos)) {
        if (field == 1)
          lxs_set_err(err, errlen, "%s:%zu: empty speaker name", name, line);
        else
          lxs_set_err(err, errlen, "%s:%zu: empty alias (field %zu)", name, line, field);
        return LXS_EDATA;
      }
      if (field == 1) idx = lxs_speaker_hints_add(h, l + fpos, fe - fpos);
      else lxs_speaker_hints_add_alias(h, idx, l + fpos, fe - fpos);
      if (!tab) break;
      fpos = fe + 1;
      field++;
    }
  }
  return LXS_OK;
}

int lxs_speaker_hints_load(lxs_speaker_hints *h, const char *path, char *err,
                           size_t errlen) {
  lxs_buf b;
  lxs_buf_init(&b);
  int rc = lxs_read_file(path, &b, err, errlen);
  if (rc == 0)
    rc = lxs_speaker_hints_load_buffer(h, path, b.data ? b.data : "", b.len, err, errlen);
  lxs_buf_free(&b);
  return rc;
}

/* ======================================================================
 * Cues
 * ====================================================================== */

static const char *const kCueNames[LXS_CUE_COUNT] = {
    "author", "header", "speaker-line", "qa", "transcript",
    "quote", "said-after", "said-before", "according-to", "indirect",
    "continuation", "pronoun", "short-name", "description"};

const char *lxs_cue_name(int cue) {
  return cue >= 0 && cue < LXS_CUE_COUNT ? kCueNames[cue] : "?";
}


/* ======================================================================
 * Attribution
 * ====================================================================== */

#define NO_SPK 0xFFFFFFFFu
#define NO_TOK 0xFFFFFFFFu
#define WHO_NONE (-1)   /* nothing found */
#define WHO_AUTHOR (-2) /* found, and it is no person: the author */
#define RECENT 8
#define MAX_RUN 8
#define APPOS_REACH 60

enum { REF_FULL, REF_SHORT, REF_PRONOUN, REF_DESC };

typedef struct {
  char *name;
  char *desc;
  lxs_buf dwords;   /* " word word " lower case, for description references */
  uint32_t speaker; /* NO_SPK until a sentence is attributed */
  int gender;       /* 0 unknown, 1 male, 2 female */
  int desc_synced;
  int intro;        /* interviewee score from the introduction */
  int asker;        /* introduced as reporter, host or moderator */
} person;

typedef struct {
  uint32_t open, close;   /* quote tokens; close = NO_TOK when unclosed */
  uint32_t s_open, s_close;
  uint32_t nwords;
  int speech;             /* looks like speech, not scare quotes */
  int attached;           /* speaker decided */
  int who;
  int single;             /* single quotation marks */
  int pending;            /* unclosed, speaker may be named later */
} qspan;

typedef struct {
  int who;
  int ref;
  int add;
  int according;
  int colon;          /* pseudo-frame "Name ...: "quote"" */
  uint32_t verb;      /* token index of the verb */
  int at_start;       /* subject opens the sentence and the verb is near */
  int after, before;  /* attached to a quote before / after the verb */
} frame_t;

enum { PK_NONE, PK_HEADER, PK_SPEAKERLINE, PK_NAMEONLY, PK_DESCLINE, PK_Q, PK_A, PK_NAME,
       PK_OUTLET };

typedef struct {
  int kind;
  size_t ns, ne, ds, de; /* name and description byte ranges */
} pinfo;

typedef struct {
  const lxs_tokenizer *tk;
  const char *text;
  lxs_speakers *sp;
  const lxs_speaker_hints *hints;
  person *P;
  size_t np, capp;
  strmap full, sur, given;
  int recent[RECENT];
  int nrecent;
  /* the current sentence: main (non-part) token indices and classes */
  uint32_t *w;
  unsigned *wc;
  size_t nw, capw;
  uint32_t cur_sent;
  uint32_t *inq;          /* per token: quote span + 1 (current paragraph) */
  qspan *spans;
  size_t nspans, capspans;
  uint32_t *sspan0, *sspan1; /* per sentence of paragraph: span range */
  uint32_t *qwords;       /* per sentence of paragraph: words in speech */
  int *subj;              /* per sentence of paragraph: subject person */
  frame_t *fr;
  size_t capfr;
  lxs_buf tmp;
  uint32_t *ss, *sf;
  uint8_t *sc;
  int chain;              /* last quoted person, WHO_AUTHOR or WHO_NONE */
  uint32_t chain_para;
  int dangling;           /* speaker of a quote left open at paragraph end */
  int intro_next;         /* person introducing a quote across a colon */
  uint32_t *pend;         /* sentences of an open quote awaiting a speaker */
  size_t npend, cappend;
  int labels_seen;
  int interviewee;
  int intro_best;
  pinfo *pk;
} actx;

/* ---- tokens of the current sentence ---------------------------------- */

static const lxs_token *TK(const actx *c, size_t k) { return &c->tk->toks[c->w[k]]; }
static const char *NORM(const actx *c, size_t k) { return lxs_tok_norm(c->tk, TK(c, k)); }
static int is_word(const actx *c, size_t k) { return TK(c, k)->kind == LXS_TOK_WORD; }
static int is_p(const actx *c, size_t k, char ch) {
  return TK(c, k)->kind == LXS_TOK_PUNCT && TK(c, k)->punct == ch;
}
static int norm_is(const actx *c, size_t k, const char *s) {
  return is_word(c, k) && strcmp(NORM(c, k), s) == 0;
}
static int terminal(const actx *c, size_t k) {
  return is_p(c, k, LXS_P_PERIOD) || is_p(c, k, LXS_P_QUEST) || is_p(c, k, LXS_P_EXCL);
}

static void build_w(actx *c, uint32_t s) {
  const lxs_sent *S = &c->tk->sents[s];
  c->nw = 0;
  c->cur_sent = s;
  for (uint32_t i = S->first_tok; i < S->first_tok + S->ntok; i++) {
    const lxs_token *t = &c->tk->toks[i];
    if (t->flags & LXS_TF_PART) continue;
    if (c->nw == c->capw) {
      c->capw = c->capw ? c->capw * 2 : 64;
      c->w = lxs_xrealloc(c->w, c->capw * sizeof *c->w);
      c->wc = lxs_xrealloc(c->wc, c->capw * sizeof *c->wc);
    }
    c->w[c->nw] = i;
    c->wc[c->nw] = t->kind == LXS_TOK_WORD ? wclass_n(lxs_tok_norm(c->tk, t), t->norm_len) : 0;
    c->nw++;
  }
}

/* Quotation mark kind of a token: 0 none, 1 opening, 2 closing, 3 straight
 * double (direction from context), 4 opening single, 5 closing single. */
static int qkind(const actx *c, const lxs_token *t) {
  if (t->kind != LXS_TOK_PUNCT || t->punct != LXS_P_QUOTE) return 0;
  int32_t cp;
  lxs_utf8_decode((const unsigned char *)c->text + t->start, t->end - t->start, &cp);
  if (cp == '"' || cp == 0xFF02) return 3;
  if (cp == 0x201C || cp == 0x201E || cp == 0x00AB || cp == 0x201F) return 1;
  if (cp == 0x201D || cp == 0x00BB) return 2;
  if (cp == 0x2018) return 4;
  if (cp == 0x2019) return 5;
  return 0;
}

static int is_quote(const actx *c, size_t k) { return qkind(c, TK(c, k)) != 0; }

/* Word that may be part of a personal name: capitalised, no digits. */
static int namey(const actx *c, size_t k) {
  const lxs_token *t = TK(c, k);
  return t->kind == LXS_TOK_WORD && (t->flags & LXS_TF_CAPITAL) &&
         !(t->flags & LXS_TF_NUMBER);
}

static int particle(const actx *c, size_t k) {
  const lxs_token *t = TK(c, k);
  return t->kind == LXS_TOK_WORD && !(t->flags & LXS_TF_CAPITAL) &&
         (c->wc[k] & W_PARTICLE);
}

static int possessive(const actx *c, size_t k) {
  const lxs_token *t = TK(c, k);
  const char *n = lxs_tok_norm(c->tk, t);
  return t->kind == LXS_TOK_WORD && t->norm_len > 2 && n[t->norm_len - 1] == 's' &&
         n[t->norm_len - 2] == '\'';
}

static size_t run_left(const actx *c, size_t e, size_t lo) {
  size_t a = e;
  while (a > lo && e - a + 1 < MAX_RUN) {
    size_t p = a - 1;
    if (namey(c, p) && !possessive(c, p)) {
      a = p;
      continue;
    }
    if (p > lo && particle(c, p) && namey(c, p - 1)) {
      a = p - 1;
      continue;
    }
    break;
  }
  return a;
}

static size_t run_right(const actx *c, size_t a, size_t hi) {
  size_t e = a;
  while (e + 1 < hi && e - a + 1 < MAX_RUN && !possessive(c, e)) {
    if (namey(c, e + 1)) {
      e++;
      continue;
    }
    if (e + 2 < hi && particle(c, e + 1) && namey(c, e + 2)) {
      e += 2;
      continue;
    }
    break;
  }
  return e;
}

static size_t tok_text(const actx *c, size_t a, size_t e, const char **p) {
  *p = c->text + TK(c, a)->start;
  return TK(c, e)->end - TK(c, a)->start;
}

/* ---- people ------------------------------------------------------------ */

static int first_word_len(const char *s) {
  const char *sp = strchr(s, ' ');
  return sp ? (int)(sp - s) : (int)strlen(s);
}

static void add_dwords(person *p, const char *s, size_t n) {
  /* lower-case words, hyphen parts, and acronyms of capitalised runs */
  char acro[16];
  size_t na = 0;
  size_t i = 0;
  while (i < n) {
    while (i < n && !((unsigned char)s[i] >= 0x80 || (s[i] >= 'a' && s[i] <= 'z') ||
                      (s[i] >= 'A' && s[i] <= 'Z') || (s[i] >= '0' && s[i] <= '9')))
      i++;
    size_t st = i;
    while (i < n && ((unsigned char)s[i] >= 0x80 || (s[i] >= 'a' && s[i] <= 'z') ||
                     (s[i] >= 'A' && s[i] <= 'Z') || (s[i] >= '0' && s[i] <= '9') ||
                     s[i] == '\''))
      i++;
    if (i == st) break;
    size_t wn = i - st;
    lxs_buf_putc(&p->dwords, ' ');
    for (size_t k = 0; k < wn; k++) {
      char ch = s[st + k];
      if (ch >= 'A' && ch <= 'Z') ch = (char)(ch + 32);
      lxs_buf_putc(&p->dwords, ch);
    }
    unsigned cl = wclass_n(s + st, wn);
    if (ascii_upper((unsigned char)s[st])) {
      if (na < sizeof acro) acro[na++] = (char)(s[st] + 32);
    } else if (!(cl & (W_STOP | W_DET)) || (i < n && s[i] == ',')) {
      if (na >= 2) {
        lxs_buf_putc(&p->dwords, ' ');
        lxs_buf_put(&p->dwords, acro, na);
      }
      na = 0;
    }
    if (i < n && (s[i] == ',' || s[i] == ';' || s[i] == '(')) {
      if (na >= 2) {
        lxs_buf_putc(&p->dwords, ' ');
        lxs_buf_put(&p->dwords, acro, na);
      }
      na = 0;
    }
  }
  if (na >= 2) {
    lxs_buf_putc(&p->dwords, ' ');
    lxs_buf_put(&p->dwords, acro, na);
  }
  lxs_buf_putc(&p->dwords, ' ');
  lxs_buf_cstr(&p->dwords);
}

static void person_set_desc(actx *c, int pi, const char *s, size_t n) {
  if (pi < 0 || !n) return;
  person *p = &c->P[pi];
  add_dwords(p, s, n);
  if (!p->desc[0]) {
    char *d = clean_copy(s, n);
    /* trim trailing punctuation */
    size_t dl = strlen(d);
    while (dl && (d[dl - 1] == ',' || d[dl - 1] == '.' || d[dl - 1] == ';' ||
                  d[dl - 1] == ':' || d[dl - 1] == ' '))
      d[--dl] = 0;
    if (dl) {
      free(p->desc);
      p->desc = d;
      p->desc_synced = 0;
    } else {
      free(d);
    }
  }
}

static void put_keys(actx *c, int pi) {
  const char *nm = c->P[pi].name;
  size_t n = strlen(nm);
  sm_put(&c->full, nm, n, pi, 0);
  const char *last = strrchr(nm, ' ');
  if (!last) return;
  last++;
  if (wclass_n(last, strlen(last)) & W_SUFFIX) { /* "Ferdinand Marcos Jr" */
    const char *q = last - 1;
    while (q > nm && q[-1] != ' ') q--;
    if (q > nm) {
      sm_put(&c->sur, q, (size_t)(last - 1 - q), pi, 1);
      last = q;
    }
  } else {
    sm_put(&c->sur, last, strlen(last), pi, 1);
  }
  int fl = first_word_len(nm);
  sm_put(&c->given, nm, (size_t)fl, pi, 1);
  /* middle names: "Zafrul" for "Tengku Zafrul Aziz" after titles */
  for (const char *m = nm + fl + 1; m < last - 1;) {
    const char *sp = strchr(m, ' ');
    size_t ml = sp ? (size_t)(sp - m) : strlen(m);
    if (ml >= 3) sm_put(&c->given, m, ml, pi, 1);
    m += ml + 1;
  }
  /* "Peter T C Chang" is also "Peter Chang" */
  if (last - nm > fl + 1) {
    lxs_buf b;
    lxs_buf_init(&b);
    lxs_buf_put(&b, nm, (size_t)fl);
    lxs_buf_putc(&b, ' ');
    lxs_buf_puts(&b, last);
    sm_put(&c->full, b.data, b.len, pi, 1);
    lxs_buf_free(&b);
  }
}

static int new_person(actx *c, const char *name, size_t n) {
  /* A single-word person ("Mr Smith") seen before the full name merges. */
  const char *last = NULL;
  for (size_t i = n; i > 0; i--)
    if (name[i - 1] == ' ') {
      last = name + i;
      break;
    }
  if (last) {
    int o = sm_get(&c->full, last, n - (size_t)(last - name));
    if (o >= 0 && !strchr(c->P[o].name, ' ') && c->P[o].speaker == NO_SPK) {
      free(c->P[o].name);
      c->P[o].name = lxs_xstrndup(name, n);
      put_keys(c, o);
      return o;
    }
  }
  if (c->np == c->capp) {
    c->capp = c->capp ? c->capp * 2 : 16;
    c->P = lxs_xrealloc(c->P, c->capp * sizeof *c->P);
  }
  person *p = &c->P[c->np];
  memset(p, 0, sizeof *p);
  p->name = lxs_xstrndup(name, n);
  p->desc = lxs_xstrndup("", 0);
  lxs_buf_init(&p->dwords);
  p->speaker = NO_SPK;
  int pi = (int)c->np++;
  put_keys(c, pi);
  return pi;
}

/* Person for a canonical name: exact (or alias) first, then a one-word
 * name as surname or given name.  -1 if unknown or ambiguous. */
static int lookup_name(const actx *c, const char *nm, size_t n, int *is_short) {
  int pi = sm_get(&c->full, nm, n);
  if (pi >= 0) {
    *is_short = !eq_lower(c->P[pi].name, strlen(c->P[pi].name), nm, n);
    return pi;
  }
  if (memchr(nm, ' ', n)) return -1;
  *is_short = 1;
  int amb = 0;
  pi = sm_get(&c->sur, nm, n);
  if (pi >= 0) return pi;
  if (pi == -2) amb = 1;
  if (!amb) {
    pi = sm_get(&c->given, nm, n);
    if (pi >= 0) return pi;
    if (pi == -2) amb = 1;
  }
  if (!amb) return -1;
  /* two people share the word: the one mentioned last */
  for (int r = 0; r < c->nrecent; r++) {
    const char *pn = c->P[c->recent[r]].name;
    const char *sp = strrchr(pn, ' ');
    int fl = first_word_len(pn);
    if ((sp && eq_lower(sp + 1, strlen(sp + 1), nm, n)) || eq_lower(pn, (size_t)fl, nm, n))
      return c->recent[r];
  }
  return -1;
}

static uint32_t person_speaker(actx *c, int pi) {
  person *p = &c->P[pi];
  if (p->speaker == NO_SPK || (!p->desc_synced && p->desc[0])) {
    p->speaker = lxs_speakers_intern(c->sp, p->name, strlen(p->name), p->desc,
                                     strlen(p->desc));
    p->desc_synced = p->desc[0] != 0;
  }
  return p->speaker;
}

static void recent_push(actx *c, int pi) {
  if (pi < 0) return;
  int i = 0;
  while (i < c->nrecent && c->recent[i] != pi) i++;
  if (i == c->nrecent) {
    if (c->nrecent < RECENT) c->nrecent++;
    i = c->nrecent - 1;
  }
  for (; i > 0; i--) c->recent[i] = c->recent[i - 1];
  c->recent[0] = pi;
}

static int resolve_pronoun(actx *c, int g, int commit) {
  for (int i = 0; i < c->nrecent; i++) {
    person *p = &c->P[c->recent[i]];
    if (p->gender == 0 || p->gender == g) {
      if (commit && p->gender == 0) p->gender = g;
      return c->recent[i];
    }
  }
  return WHO_NONE;
}

/* Does word w (lower case) occur in p's description words? */
static int in_dwords(const person *p, const char *w, size_t n) {
  if (!p->dwords.len || n < 2) return 0;
  const char *d = p->dwords.data, *end = d + p->dwords.len;
  while (d < end) {
    while (d < end && *d == ' ') d++;
    const char *st = d;
    while (d < end && *d != ' ') d++;
    size_t dn = (size_t)(d - st);
    if (!dn) break;
    if (dn == n && memcmp(st, w, n) == 0) return 1;
    /* Cambodia / Cambodian, economist / economics */
    if (dn >= 5 && n >= 5) {
      size_t k = 0;
      while (k < dn && k < n && st[k] == w[k]) k++;
      if (k >= 5 && (k + 3 >= dn || k + 3 >= n)) return 1;
    }
  }
  return 0;
}

/* ---- names in the current sentence ------------------------------------ */

typedef struct {
  int ok;    /* a person (known, or new and valid) */
  int pi;    /* -1 when !create and new */
  int ref;
  size_t n0; /* first word of the name proper */
  int honor;
  int gender;
} nameinfo;

/* Analyse the run of capitalised words [a, e]: strip leading titles,
 * offices, places and openers, validate and resolve the rest. */
static void analyze_run(actx *c, size_t a, size_t e, int create, nameinfo *ni) {
  memset(ni, 0, sizeof *ni);
  ni->pi = -1;
  int mixed = 0;
  for (size_t k = a; k <= e; k++) {
    const lxs_token *t = TK(c, k);
    if (t->kind == LXS_TOK_WORD && !(t->flags & LXS_TF_ALLCAPS) && t->norm_len > 1 &&
        !(t->flags & LXS_TF_ABBR))
      mixed = 1;
  }
  size_t k = e + 1;
  while (k > a) {
    size_t p = k - 1;
    const lxs_token *t = TK(c, p);
    unsigned cl = c->wc[p];
    int part;
    if (p == e && p > a && (cl & (W_ROLE | W_TITLE)) && !(cl & (W_HONOR | W_ORG)) &&
        namey(c, p) && !(TK(c, p - 1)->flags & LXS_TF_ALLCAPS) &&
        !(c->wc[p - 1] & W_NONNAME) && namey(c, p - 1))
      part = 1; /* a surname that is also a title: "Mervyn King" */
    else if (cl == W_ROLE && namey(c, p) && p < e)
      part = 1; /* "Dean Baker" */
    else if (p < e && namey(c, p) && namey(c, p + 1) && !(c->wc[p + 1] & W_NONNAME) &&
             (norm_is(c, p, "he") || norm_is(c, p, "an") || norm_is(c, p, "do")))
      part = 1; /* "He Lifeng", "An Gang" */
    else if (t->kind != LXS_TOK_WORD || (cl & W_NONNAME) || (t->flags & LXS_TF_NUMBER))
      part = 0;
    else if (possessive(c, p) && p != e)
      part = 0;
    else if ((t->flags & LXS_TF_ALLCAPS) && mixed)
      part = (t->flags & LXS_TF_ABBR) ? p < e
             : (t->norm_len <= 3 && p < e && p > a && namey(c, p - 1) &&
                !(TK(c, p - 1)->flags & LXS_TF_ALLCAPS) && !(c->wc[p - 1] & W_NONNAME));
    else
      part = namey(c, p) || particle(c, p);
    if (!part) break;
    k = p;
  }
  size_t n0 = k;
  while (n0 <= e && particle(c, n0)) n0++;
  ni->n0 = n0;
  if (n0 > e) {
    /* "King said" after "Mervyn King": a known surname that is a title */
    if (namey(c, e) && (c->wc[e] & (W_ROLE | W_TITLE)) && !(c->wc[e] & W_HONOR)) {
      const char *tp;
      size_t tn = tok_text(c, e, e, &tp);
      int is_short = 0;
      int pi = sm_get(&c->sur, tp, tn);
      if (pi < 0) pi = lookup_name(c, tp, tn, &is_short);
      if (pi >= 0) {
        ni->ok = 1;
        ni->pi = pi;
        ni->ref = REF_SHORT;
        ni->n0 = e;
      }
    }
    return;
  }
  if (n0 > a || n0 > 0) {
    size_t h = n0 - 1;
    if (h >= (a > 0 ? a - 1 : 0) && is_word(c, h) && (c->wc[h] & W_TITLE)) {
      ni->honor = 1;
      if (c->wc[h] & W_MALE) ni->gender = 1;
      if (c->wc[h] & W_FEMALE) ni->gender = 2;
    }
  }
  size_t nname = e - n0 + 1;
  for (size_t k2 = n0; k2 < e; k2++)
    if (norm_is(c, k2, "hong") && norm_is(c, k2 + 1, "kong")) return; /* a place */
  const char *p;
  size_t n = tok_text(c, n0, e, &p);
  c->tmp.len = 0;
  lxs_canonical_name(p, n, &c->tmp);
  if (!c->tmp.len) return;
  int is_short = 0;
  int pi = lookup_name(c, c->tmp.data, c->tmp.len, &is_short);
  if (pi >= 0) {
    ni->ok = 1;
    ni->pi = pi;
    ni->ref = is_short ? REF_SHORT : REF_FULL;
    if (ni->gender && !c->P[pi].gender) c->P[pi].gender = ni->gender;
    return;
  }
  int valid = nname >= 2 || ni->honor;
  if (n0 == a && a > 0 && (c->wc[a - 1] & W_DET)) valid = 0;
  if (nname > 6) valid = 0;
  if (!mixed && nname < 2 && !ni->honor) valid = 0;
  if (!valid) return;
  ni->ok = 1;
  ni->ref = REF_FULL;
  if (!create) return;
  ni->pi = new_person(c, c->tmp.data, c->tmp.len);
  if (ni->gender) c->P[ni->pi].gender = ni->gender;
}

/* Description words before a name: "ISEAS senior fellow Jayant Menon",
 * "Foreign Ministry spokesperson Mao Ning". */
static void prename_desc(actx *c, int pi, size_t a, size_t n0) {
  if (pi < 0) return;
  size_t d0 = a;
  int words = 0;
  while (d0 > 0 && words < 6) {
    size_t p = d0 - 1;
    if (!is_word(c, p)) break;
    unsigned cl = c->wc[p];
    /* "Secretary of State" */
    int of = norm_is(c, p, "of") && p > 0 && namey(c, p - 1) && namey(c, p + 1);
    if ((cl & (W_DET | W_STOP)) && !of) break;
    if (!of && !(cl & (W_ROLE | W_ROLEADJ | W_ORG | W_NATION | W_PLACE | W_TITLE)) &&
        !namey(c, p) && !possessive(c, p))
      break;
    if (p == 0 && (cl & W_OPENER) && !(cl & (W_ROLE | W_ROLEADJ | W_TITLE))) break;
    d0 = p;
    words++;
  }
  while (n0 > d0 && (c->wc[n0 - 1] & W_HONOR)) n0--; /* "... Minister Tengku" */
  if (d0 >= n0) return;
  int role = 0;
  for (size_t k = d0; k < n0; k++)
    if (is_word(c, k) && (c->wc[k] & (W_ROLE | W_TITLE)) && !(c->wc[k] & W_HONOR)) role = 1;
  if (!role) return;
  const char *p;
  size_t n = tok_text(c, d0, n0 - 1, &p);
  person_set_desc(c, pi, p, n);
}

/* An appositive starting at position d ("a researcher at ..."): returns
 * its end (exclusive) or 0.  to_end: runs to the end of the sentence. */
static size_t appositive_end(const actx *c, size_t d, int to_end) {
  if (d >= c->nw || !is_word(c, d)) return 0;
  unsigned cl = c->wc[d];
  const char *nm = NORM(c, d);
  int ok = (cl & W_DET) || strcmp(nm, "who") == 0;
  /* "Asia-Pacific chief economist at ...": a role within the first words */
  for (size_t k = d; !ok && k < c->nw && k < d + 5 && is_word(c, k); k++) {
    if (c->wc[k] & (W_ROLE | W_ROLEADJ | W_TITLE)) ok = 1;
    if (c->wc[k] & (W_SAY | W_WEAK | W_SAYING | W_STOP)) break;
  }
  if (!ok || (cl & W_OPENER && !(cl & (W_DET | W_ROLEADJ)) && strcmp(nm, "who") != 0))
    return 0;
  size_t k = d;
  size_t lim = d + 40 < c->nw ? d + 40 : c->nw;
  for (; k < lim; k++) {
    if (is_quote(c, k)) break;
    if (terminal(c, k) || is_p(c, k, LXS_P_SEMI) || is_p(c, k, LXS_P_OPEN)) break;
    if (is_p(c, k, LXS_P_COMMA) && !to_end) {
      if (k + 1 < c->nw && norm_is(c, k + 1, "and") && k + 2 < c->nw &&
          (c->wc[k + 2] & (W_ROLE | W_ROLEADJ | W_DET)))
        continue;
      break;
    }
    if (is_p(c, k, LXS_P_DASH) && !to_end) break;
  }
  if (k == d) return 0;
  return k;
}

static void set_appositive(actx *c, int pi, size_t d, size_t end) {
  if (pi < 0 || end <= d) return;
  /* "who is/was ..." */
  if (norm_is(c, d, "who")) {
    /* only "who is/was (a) ..." and "who serves as ..." describe */
    d++;
    if (d + 1 < end && (norm_is(c, d, "serves") || norm_is(c, d, "served")) &&
        norm_is(c, d + 1, "as")) {
      d += 2;
    } else {
      if (!(d < end && (norm_is(c, d, "is") || norm_is(c, d, "was")))) return;
      while (d < end && is_word(c, d) && (c->wc[d] & W_AUX)) d++;
    }
  }
  while (end > d && !is_word(c, end - 1)) end--;
  if (end <= d) return;
  const char *p;
  size_t n = tok_text(c, d, end - 1, &p);
  person_set_desc(c, pi, p, n);
}

/* Does the run starting at a open its clause, perhaps after title words
 * ("U.S. Secretary of State Marco Rubio, ...")? */
static int clause_start(const actx *c, size_t a) {
  size_t k = a;
  for (int steps = 0; steps < 8; steps++) {
    if (k == 0 || !is_word(c, k - 1)) return 1;
    size_t p = k - 1;
    if (p == 0 && (c->wc[p] & W_OPENER) && !(c->wc[p] & W_DET)) return 1;
    if (!(namey(c, p) || (c->wc[p] & (W_TITLE | W_ROLE | W_ROLEADJ | W_ORG | W_NATION |
                                      W_PLACE)) ||
          norm_is(c, p, "of") || possessive(c, p)))
      return 0;
    k = p;
  }
  return 0;
}

/* ---- description references ------------------------------------------- */

static const char *const kExperts[] = {"expert", "scholar", "academic", "analyst",
                                       "researcher", "professor", "prof", "fellow",
                                       "economist", "specialist", "observer", "lecturer",
                                       "scientist", "strategist", "historian", NULL};
static const char *const kOfficials[] = {"official", "minister", "diplomat", "ambassador",
                                         "envoy", "secretary", "negotiator",
                                         "commissioner", "representative", NULL};
static const char *const kSpokes[] = {"spokesperson", "spokesman", "spokeswoman", NULL};
static const char *const kBosses[] = {"executive", "ceo", "chairman", "chairwoman",
                                      "founder", "president", "director", "head", "chief",
                                      "manager", NULL};

static int in_words(const char *const *l, const char *w) {
  for (int i = 0; l[i]; i++)
    if (strcmp(l[i], w) == 0) return 1;
  return 0;
}

static int role_group(const char *head) {
  if (in_words(kExperts, head)) return 1;
  if (in_words(kOfficials, head)) return 2;
  if (in_words(kBosses, head)) return 3;
  if (in_words(kSpokes, head)) return 4;
  return 0;
}

static int group_in_dwords(const person *p, int group) {
  const char *const *l = group == 1   ? kExperts
                         : group == 2 ? kOfficials
                         : group == 3 ? kBosses
                                      : kSpokes;
  for (int i = 0; l[i]; i++)
    if (in_dwords(p, l[i], strlen(l[i]))) return 1;
  return 0;
}

static int resolve_desc(actx *c, size_t a, size_t e) {
  /* user alias: "the ADB economist" */
  const char *p;
  size_t n = tok_text(c, a, e, &p);
  c->tmp.len = 0;
  lxs_canonical_name(p, n, &c->tmp);
  int h = sm_get(&c->full, c->tmp.data, c->tmp.len);
  if (h >= 0) return h;
  int best = WHO_NONE, bestsc = 0;
  int group = role_group(NORM(c, e));
  for (int r = 0; r < c->nrecent; r++) {
    const person *pp = &c->P[c->recent[r]];
    int sc = 0, head = 0;
    /* "the expert" for a professor, "the official" for a minister */
    if (group && group_in_dwords(pp, group)) {
      sc = 1;
      head = 1;
    }
    for (size_t k = a; k <= e; k++) {
      if (!is_word(c, k) || (c->wc[k] & (W_DET | W_STOP))) continue;
      const lxs_token *t = TK(c, k);
      if (in_dwords(pp, lxs_tok_norm(c->tk, t), t->norm_len)) {
        /* "Cambodian", "ADB" say more than "former" or "senior" */
        sc += (c->wc[k] & (W_ROLE | W_ROLEADJ)) ? 1 : 2;
        if (k == e) head = 1;
      }
    }
    if ((head || sc >= 2) && sc > bestsc) {
      best = c->recent[r];
      bestsc = sc;
    }
  }
  if (best >= 0) return best;
  /* "the economist said" about the last person quoted, when nothing is
   * known about them that could contradict it */
  if ((c->wc[e] & W_ROLE) && c->nrecent && c->P[c->recent[0]].speaker != NO_SPK &&
      c->P[c->recent[0]].dwords.len == 0)
    return c->recent[0];
  return WHO_NONE;
}

/* A user hint naming a run that is not a personal name ("the Ministry of
 * Commerce"): try the words ending at e (or starting at a). */
static int hint_span(actx *c, size_t a, size_t e, int leftward) {
  if (!c->hints || !c->hints->n) return WHO_NONE;
  for (int k = 0; k < 7; k++) {
    size_t x;
    if (leftward) {
      if ((size_t)k > e) break;
      x = e - (size_t)k;
      if (!is_word(c, x)) break;
    } else {
      x = a + (size_t)k;
      if (x >= c->nw || !is_word(c, x)) break;
    }
    const char *p;
    size_t n = leftward ? tok_text(c, x, e, &p) : tok_text(c, a, x, &p);
    c->tmp.len = 0;
    lxs_canonical_name(p, n, &c->tmp);
    int pi = sm_get(&c->full, c->tmp.data, c->tmp.len);
    if (pi >= 0) return pi;
  }
  return WHO_NONE;
}

static int pronoun_gender(const char *nm) {
  if (strcmp(nm, "he") == 0) return 1;
  if (strcmp(nm, "she") == 0) return 2;
  return 0;
}

/* "according to him" */
static int object_pronoun_gender(const char *nm) {
  if (strcmp(nm, "him") == 0) return 1;
  if (strcmp(nm, "her") == 0) return 2;
  return pronoun_gender(nm);
}

static int first_or_group(const char *nm) {
  return strcmp(nm, "i") == 0 || strcmp(nm, "we") == 0 || strcmp(nm, "they") == 0 ||
         strcmp(nm, "it") == 0 || strcmp(nm, "this") == 0 || strcmp(nm, "these") == 0 ||
         strcmp(nm, "which") == 0 || strcmp(nm, "you") == 0 || strcmp(nm, "one") == 0;
}

/* The noun phrase ending at j (subject before a speech verb). */
static int np_left(actx *c, size_t j, int *ref) {
  *ref = REF_FULL;
  if (!is_word(c, j)) return WHO_NONE;
  const char *nm = NORM(c, j);
  int g = pronoun_gender(nm);
  if (g) {
    *ref = REF_PRONOUN;
    int r = resolve_pronoun(c, g, 1);
    return r >= 0 ? r : WHO_NONE;
  }
  if (first_or_group(nm)) return WHO_AUTHOR;
  if (strcmp(nm, "who") == 0 && j >= 2 && is_p(c, j - 1, LXS_P_COMMA) && namey(c, j - 2))
    j -= 2;
  int h = hint_span(c, j, j, 1);
  if (h >= 0) {
    *ref = REF_SHORT;
    return h;
  }
  if (namey(c, j) && !(j == 0 && (c->wc[j] & W_ROLE))) {
    size_t a = run_left(c, j, 0);
    nameinfo ni;
    analyze_run(c, a, j, 1, &ni);
    if (!ni.ok) return WHO_AUTHOR;
    if (a >= 2 && (norm_is(c, a - 1, "and") || is_p(c, a - 1, LXS_P_OTHER)) && namey(c, a - 2))
      return WHO_AUTHOR; /* "Kin Phea and Jayant Menon said" */
    prename_desc(c, ni.pi, a, ni.n0);
    *ref = ni.ref;
    return ni.pi;
  }
  if (c->wc[j] & W_GROUPN) return WHO_AUTHOR;
  /* lower-case noun phrase: "the former ADB economist" */
  size_t a = j;
  int words = 0;
  while (a > 0 && words < 6) {
    size_t p = a - 1;
    if (!is_word(c, p)) break;
    if ((c->wc[p] & W_STOP) && !(c->wc[p] & W_DET)) break;
    a = p;
    words++;
    if (c->wc[p] & W_DET) break;
  }
  if ((c->wc[j] & W_ROLE) && (norm_is(c, a, "a") || norm_is(c, a, "an") ||
                                norm_is(c, a, "one") || norm_is(c, a, "another")))
    return WHO_AUTHOR; /* "a MOFCOM spokesperson said": nobody we know */
  if ((c->wc[j] & W_ROLE) && (a < j || (c->wc[a] & W_DET))) {
    *ref = REF_DESC;
    int r = resolve_desc(c, a, j);
    return r >= 0 ? r : WHO_AUTHOR;
  }
  if (c->wc[j] & (W_ORG | W_PLACE)) return WHO_AUTHOR;
  return WHO_NONE;
}

/* The noun phrase starting at p (after an inverted verb or "according
 * to"): "said Jayant Menon, a ...", "said the former ADB economist". */
static int np_right(actx *c, size_t p, int *ref) {
  *ref = REF_FULL;
  if (p >= c->nw || !is_word(c, p)) return WHO_NONE;
  const char *nm = NORM(c, p);
  int g = object_pronoun_gender(nm);
  if (g) {
    *ref = REF_PRONOUN;
    int r = resolve_pronoun(c, g, 1);
    return r >= 0 ? r : WHO_NONE;
  }
  if (first_or_group(nm)) return WHO_AUTHOR;
  size_t q = p;
  while (q < c->nw && q - p < 10 && is_word(c, q)) {
    if (q > p && !namey(c, q) && (c->wc[q] & W_STOP)) break;
    q++;
  }
  int h = hint_span(c, p, q - 1, 0);
  if (h >= 0) {
    *ref = REF_SHORT;
    return h;
  }
  /* the last run of capitalised words in [p, q) */
  size_t e = q;
  while (e > p && !namey(c, e - 1)) e--;
  if (e > p) {
    e--;
    size_t a = run_left(c, e, p);
    nameinfo ni;
    analyze_run(c, a, e, 1, &ni);
    if (!ni.ok) {
      if (c->wc[q - 1] & W_ROLE) goto desc;
      return WHO_AUTHOR;
    }
    prename_desc(c, ni.pi, a, ni.n0);
    if (e + 1 < c->nw && is_p(c, e + 1, LXS_P_COMMA)) {
      size_t ae = appositive_end(c, e + 2, 1);
      if (ae) set_appositive(c, ni.pi, e + 2, ae);
    } else if (e + 2 < c->nw && (norm_is(c, e + 1, "of") || norm_is(c, e + 1, "at") ||
                                 norm_is(c, e + 1, "from"))) {
      size_t ae = e + 2;
      while (ae < c->nw && is_word(c, ae) && ae < e + 12) ae++;
      if (ae > e + 2) set_appositive(c, ni.pi, e + 1, ae);
    }
    *ref = ni.ref;
    return ni.pi;
  }
desc:
  if (q > p) {
    size_t last = q - 1;
    if (c->wc[last] & W_GROUPN) return WHO_AUTHOR;
    if ((c->wc[last] & W_ROLE) && (norm_is(c, p, "a") || norm_is(c, p, "an") ||
                                   norm_is(c, p, "one") || norm_is(c, p, "another")))
      return WHO_AUTHOR;
    if (c->wc[last] & W_ROLE) {
      *ref = REF_DESC;
      int r = resolve_desc(c, p, last);
      return r >= 0 ? r : WHO_AUTHOR;
    }
  }
  return WHO_NONE;
}

/* The subject that opens the sentence (for ", saying ..." and "X: "..."). */
static int main_subject(actx *c, int *ref, size_t *pos) {
  size_t k = 0;
  while (k < c->nw && k < 3 && is_word(c, k) && (c->wc[k] & W_OPENER) &&
         !(c->wc[k] & (W_DET | W_TITLE)) && !pronoun_gender(NORM(c, k)) &&
         !first_or_group(NORM(c, k)))
    k++;
  if (k < c->nw && k > 0 && is_p(c, k, LXS_P_COMMA)) k++;
  *pos = k;
  *ref = REF_FULL;
  if (k >= c->nw || !is_word(c, k)) return WHO_NONE;
  const char *nm = NORM(c, k);
  int g = pronoun_gender(nm);
  if (g) {
    *ref = REF_PRONOUN;
    int r = resolve_pronoun(c, g, 1);
    return r >= 0 ? r : WHO_NONE;
  }
  if (first_or_group(nm)) return WHO_AUTHOR;
  if (namey(c, k) && !(c->wc[k] & W_DET)) {
    size_t e = run_right(c, k, c->nw);
    if (possessive(c, e)) return WHO_NONE;
    nameinfo ni;
    analyze_run(c, k, e, 1, &ni);
    if (!ni.ok) return WHO_AUTHOR;
    prename_desc(c, ni.pi, k, ni.n0);
    *ref = ni.ref;
    return ni.pi;
  }
  if (c->wc[k] & W_DET) {
    size_t e = k + 1;
    while (e < c->nw && e < k + 6 && is_word(c, e) && !(c->wc[e] & W_STOP) &&
           !(c->wc[e] & (W_SAY | W_WEAK | W_AUX)))
      e++;
    if (e > k + 1 && (c->wc[e - 1] & W_ROLE)) {
      *ref = REF_DESC;
      int r = resolve_desc(c, k, e - 1);
      return r >= 0 ? r : WHO_AUTHOR;
    }
    if (e > k + 1 && (c->wc[e - 1] & (W_GROUPN | W_ORG))) return WHO_AUTHOR;
  }
  return WHO_NONE;
}

/* ---- quotations --------------------------------------------------------- */

static int in_speech(const actx *c, size_t k) {
  uint32_t q = c->inq[c->w[k]];
  return q && c->spans[q - 1].speech;
}

/* Build the quotation spans of paragraph pi. */
static void build_spans(actx *c, const lxs_para *P) {
  const lxs_tokenizer *tk = c->tk;
  c->nspans = 0;
  int open = -1;
  /* a single opening quote counts only if a closing one follows */
  uint32_t last_single_close = 0;
  int any_single_close = 0;
  for (uint32_t s = P->first_sent; s < P->first_sent + P->nsent; s++) {
    const lxs_sent *S = &tk->sents[s];
    for (uint32_t i = S->first_tok; i < S->first_tok + S->ntok; i++)
      if (qkind(c, &tk->toks[i]) == 5) {
        last_single_close = i;
        any_single_close = 1;
      }
  }
  for (uint32_t s = P->first_sent; s < P->first_sent + P->nsent; s++) {
    const lxs_sent *S = &tk->sents[s];
    for (uint32_t i = S->first_tok; i < S->first_tok + S->ntok; i++) {
      const lxs_token *t = &tk->toks[i];
      int q = qkind(c, t);
      if (!q) continue;
      int single = q >= 4;
      if (open < 0) {
        if (q == 2 || q == 5) continue;                       /* stray close */
        if (q == 3 && (t->flags & LXS_TF_CLOSING)) continue;  /* stray close */
        if (q == 4) {
          /* an opening single quote needs a word right after it */
          if (i + 1 >= tk->ntok || tk->toks[i + 1].kind != LXS_TOK_WORD ||
              tk->toks[i + 1].start != t->end || !any_single_close || i > last_single_close)
            continue;
        }
        LXS_VEC_GROW(c->spans, c->nspans, c->capspans);
        qspan *sp = &c->spans[c->nspans];
        memset(sp, 0, sizeof *sp);
        sp->open = i;
        sp->close = NO_TOK;
        sp->s_open = s;
        sp->s_close = P->first_sent + P->nsent - 1;
        sp->single = single;
        sp->who = WHO_NONE;
        open = (int)c->nspans++;
        continue;
      }
      qspan *sp = &c->spans[open];
      if (sp->single != single) continue; /* a quote inside a quote */
      if (q == 1 || q == 4) {
        /* an opening mark used as a closing one: no space before it */
        if (i > 0 && tk->toks[i - 1].end == t->start &&
            (i + 1 >= tk->ntok || tk->toks[i + 1].start > t->end))
          ;
        else
          continue;
      }
      sp->close = i;
      sp->s_close = s;
      open = -1;
    }
  }
  uint32_t ns = P->nsent;
  for (uint32_t k = 0; k < ns; k++) {
    c->sspan0[k] = NO_TOK;
    c->sspan1[k] = NO_TOK;
    c->qwords[k] = 0;
  }
  uint32_t para_last = tk->sents[P->first_sent + ns - 1].first_tok +
                       tk->sents[P->first_sent + ns - 1].ntok - 1;
  for (size_t x = 0; x < c->nspans; x++) {
    qspan *sp = &c->spans[x];
    uint32_t end = sp->close == NO_TOK ? para_last : sp->close;
    uint32_t nwords = 0;
    for (uint32_t i = sp->open; i <= end; i++) {
      c->inq[i] = (uint32_t)x + 1;
      const lxs_token *t = &tk->toks[i];
      if (t->kind == LXS_TOK_WORD && !(t->flags & LXS_TF_PART)) nwords++;
    }
    sp->nwords = nwords;
    int punct_end = 0;
    if (sp->close != NO_TOK && sp->close > sp->open + 1) {
      const lxs_token *b = &tk->toks[sp->close - 1];
      punct_end = b->kind == LXS_TOK_PUNCT &&
                  (b->punct == LXS_P_COMMA || b->punct == LXS_P_PERIOD ||
                   b->punct == LXS_P_QUEST || b->punct == LXS_P_EXCL);
    }
    sp->speech = nwords >= 4 || (nwords >= 1 && punct_end) || sp->close == NO_TOK;
    /* single marks double as apostrophes: short spans must open a sentence */
    if (sp->single &&
        (sp->close == NO_TOK ||
         (nwords < 4 && !(punct_end && sp->open == tk->sents[sp->s_open].first_tok))))
      sp->speech = 0;
    for (uint32_t s = sp->s_open; s <= sp->s_close; s++) {
      uint32_t k = s - P->first_sent;
      if (c->sspan0[k] == NO_TOK) c->sspan0[k] = (uint32_t)x;
      c->sspan1[k] = (uint32_t)x;
    }
  }
  for (uint32_t k = 0; k < ns; k++) {
    const lxs_sent *S = &tk->sents[P->first_sent + k];
    uint32_t qw = 0;
    for (uint32_t i = S->first_tok; i < S->first_tok + S->ntok; i++) {
      const lxs_token *t = &tk->toks[i];
      if (t->kind != LXS_TOK_WORD || (t->flags & LXS_TF_PART)) continue;
      uint32_t q = c->inq[i];
      if (q && c->spans[q - 1].speech) qw++;
    }
    c->qwords[k] = qw;
  }
}

/* ---- speech frames ------------------------------------------------------ */

static int time_word(const actx *c, size_t k) {
  static const char *const w[] = {"week", "month", "year", "weekend", "morning",
                                  "afternoon", "evening", "night", "today", "yesterday",
                                  "earlier", "later", NULL};
  if (c->wc[k] & W_TIME) return 1;
  if (TK(c, k)->flags & LXS_TF_NUMBER) return 1;
  const char *n = NORM(c, k);
  for (int i = 0; w[i]; i++)
    if (strcmp(n, w[i]) == 0) return 1;
  return 0;
}

/* Is there a speech quote in sentence k (of the paragraph) that closes
 * before token v? */
static int quote_closes_before(const actx *c, uint32_t k, uint32_t v) {
  if (c->sspan0[k] == NO_TOK) return 0;
  for (uint32_t x = c->sspan0[k]; x <= c->sspan1[k] && x < c->sspan0[k] + 16; x++) {
    const qspan *sp = &c->spans[x];
    if (sp->speech && sp->close != NO_TOK && sp->close < v &&
        sp->s_close == c->cur_sent)
      return 1;
  }
  return 0;
}

static void find_frame(actx *c, uint32_t k_in_para, frame_t *f) {
  memset(f, 0, sizeof *f);
  f->who = WHO_NONE;
  frame_t nonperson;
  int have_np = 0;
  for (size_t k = 0; k < c->nw; k++) {
    if (!is_word(c, k) || c->inq[c->w[k]]) continue;
    unsigned cl = c->wc[k];
    const char *nm = NORM(c, k);
    int according = strcmp(nm, "according") == 0;
    if (!(cl & (W_SAY | W_WEAK | W_SAYING)) && !according) continue;
    size_t ve = k;
    int add = (cl & W_ADD) != 0;
    if (according) {
      if (k + 1 >= c->nw || !norm_is(c, k + 1, "to")) continue;
      ve = k + 1;
    } else if (strcmp(nm, "pointed") == 0 || strcmp(nm, "pointing") == 0) {
      if (k + 1 >= c->nw || !norm_is(c, k + 1, "out")) continue;
      ve = k + 1;
    } else if (strcmp(nm, "went") == 0) {
      if (k + 1 >= c->nw || !norm_is(c, k + 1, "on")) continue;
      ve = k + 1;
      if (ve + 2 < c->nw && norm_is(c, ve + 1, "to") && (c->wc[ve + 2] & (W_SAY | W_WEAK)))
        ve += 2;
    } else if (strcmp(nm, "continued") == 0 || strcmp(nm, "continues") == 0) {
      if (k + 1 < c->nw && !is_p(c, k + 1, LXS_P_COMMA) && !is_p(c, k + 1, LXS_P_COLON) &&
          !is_quote(c, k + 1) && !terminal(c, k + 1) && !norm_is(c, k + 1, "that"))
        continue;
    } else if (strcmp(nm, "asked") == 0 && k == 0) {
      continue; /* "Asked about ..., Menon said" */
    }
    if (!according && k >= 1 && is_word(c, k - 1) &&
        (strcmp(nm, "told") == 0 || strcmp(nm, "asked") == 0 || strcmp(nm, "said") == 0) &&
        (norm_is(c, k - 1, "was") || norm_is(c, k - 1, "were") || norm_is(c, k - 1, "is") ||
         norm_is(c, k - 1, "are") || norm_is(c, k - 1, "been") || norm_is(c, k - 1, "being") ||
         norm_is(c, k - 1, "be")))
      continue; /* "He was told ...": not his words */
    if (!according && k >= 1 && is_word(c, k - 1)) {
      unsigned pc = c->wc[k - 1];
      if ((pc & W_NEG) || (pc & W_DET) || norm_is(c, k - 1, "to")) continue;
      if (k >= 2 && (pc & W_AUX) && is_word(c, k - 2) && (c->wc[k - 2] & W_NEG)) continue;
    }
    if ((cl & W_WEAK) && !(cl & W_SAY)) {
      size_t nx = ve + 1;
      int ok = nx < c->nw && (norm_is(c, nx, "that") || is_p(c, nx, LXS_P_COLON) ||
                              is_quote(c, nx) ||
                              (is_p(c, nx, LXS_P_COMMA) && nx + 1 < c->nw && is_quote(c, nx + 1)));
      if (!ok) ok = quote_closes_before(c, k_in_para, c->w[k]);
      /* "Menon believes the pact will help" */
      if (!ok && (cl & W_OPINE) && nx < c->nw && is_word(c, nx)) ok = 1;
      if (!ok) continue;
    }
    int who = WHO_NONE, ref = REF_FULL, at_start = 0;
    size_t spos = 0;
    if (cl & W_SAYING) {
      if (k >= 1 && is_p(c, k - 1, LXS_P_COMMA)) {
        who = main_subject(c, &ref, &spos);
      } else if (k >= 3 && norm_is(c, k - 1, "as") && norm_is(c, k - 2, "quoted")) {
        size_t j = k - 3;
        while (j > 0 && is_word(c, j) && (c->wc[j] & W_AUX)) j--;
        who = np_left(c, j, &ref);
      } else {
        continue;
      }
    } else if (according) {
      who = np_right(c, ve + 1, &ref);
    } else {
      /* skip auxiliaries and ", however," between subject and verb */
      size_t j = k;
      int steps = 0;
      while (j > 0 && steps < 6) {
        size_t p = j - 1;
        if (is_word(c, p) && (c->wc[p] & W_AUX)) {
          j = p;
          steps++;
          continue;
        }
        if (is_p(c, p, LXS_P_COMMA) && p >= 2 && is_word(c, p - 1) &&
            (c->wc[p - 1] & (W_AUX | W_OPENER)) && is_p(c, p - 2, LXS_P_COMMA) &&
            !(c->wc[p - 1] & W_STOP)) {
          j = p - 2;
          steps++;
          continue;
        }
        /* "China on Thursday said", "Menon last week argued" */
        if (is_word(c, p) && time_word(c, p)) {
          size_t q = p;
          while (q > 0 && p - q < 3 && is_word(c, q - 1) && time_word(c, q - 1)) q--;
          if (q > 0 && (norm_is(c, q - 1, "on") || norm_is(c, q - 1, "last") ||
                        norm_is(c, q - 1, "this") || norm_is(c, q - 1, "in") ||
                        norm_is(c, q - 1, "earlier") || norm_is(c, q - 1, "late"))) {
            j = q - 1;
            steps++;
            continue;
          }
        }
        break;
      }
      if (j == 0) {
        who = np_right(c, ve + 1, &ref);
      } else {
        size_t p = j - 1;
        if (is_quote(c, p) || (is_p(c, p, LXS_P_COMMA) && p >= 1 && is_quote(c, p - 1)) ||
            is_p(c, p, LXS_P_COLON) || is_p(c, p, LXS_P_DASH)) {
          who = np_right(c, ve + 1, &ref);
        } else if (is_p(c, p, LXS_P_COMMA)) {
          /* appositive: "Jayant Menon, a visiting senior fellow ..., said" */
          size_t lo = p > APPOS_REACH ? p - APPOS_REACH : 0;
          for (size_t x = p; x-- > lo;) {
            if (is_quote(c, x) || terminal(c, x)) break;
            if (!is_p(c, x, LXS_P_COMMA) || x == 0 || !namey(c, x - 1)) continue;
            size_t a = run_left(c, x - 1, 0);
            if (!clause_start(c, a)) continue;
            nameinfo ni;
            analyze_run(c, a, x - 1, 1, &ni);
            if (!ni.ok) continue;
            prename_desc(c, ni.pi, a, ni.n0);
            set_appositive(c, ni.pi, x + 1, p);
            who = ni.pi;
            ref = ni.ref;
            spos = a;
            break;
          }
          if (who == WHO_NONE) who = np_right(c, ve + 1, &ref);
        } else if (is_p(c, p, LXS_P_CLOSE)) {
          size_t o = p;
          while (o > 0 && p - o < 15 && !is_p(c, o, LXS_P_OPEN)) o--;
          if (is_p(c, o, LXS_P_OPEN) && o > 0) {
            who = np_left(c, o - 1, &ref);
            if (who >= 0 && p > o + 1) {
              const char *tp;
              size_t tn = tok_text(c, o + 1, p - 1, &tp);
              person_set_desc(c, who, tp, tn);
            }
            spos = run_left(c, o - 1, 0);
          }
        } else if (is_word(c, p)) {
          who = np_left(c, p, &ref);
          spos = namey(c, p) ? run_left(c, p, 0) : p;
        }
      }
    }
    if (who == WHO_NONE) continue;
    if (who == WHO_AUTHOR && add) continue; /* "value added" */
    at_start = spos <= 1 && k <= spos + MAX_RUN + 2;
    frame_t cur = {who, ref, add, according, 0, c->w[k], at_start, 0, 0};
    if (who >= 0) {
      *f = cur;
      return;
    }
    if (!have_np) {
      nonperson = cur;
      have_np = 1;
    }
  }
  /* "In Menon's view, ...", "In his view, ..." */
  if (c->nw > 4 && norm_is(c, 0, "in")) {
    size_t e = 1;
    while (e + 1 < c->nw && namey(c, e) && !possessive(c, e) && e < 6) e++;
    static const char *const views[] = {"view", "opinion", "words", "assessment",
                                        "estimation", "analysis", "judgment", "judgement",
                                        "eyes", "mind", NULL};
    if (e + 1 < c->nw && in_words(views, NORM(c, e + 1))) {
      int who = WHO_NONE, ref = REF_FULL;
      const char *pn = NORM(c, e);
      if (e == 1 && (strcmp(pn, "his") == 0 || strcmp(pn, "her") == 0)) {
        ref = REF_PRONOUN;
        who = resolve_pronoun(c, pn[0] == 'h' && pn[1] == 'i' ? 1 : 2, 1);
      } else if (possessive(c, e) && namey(c, e)) {
        nameinfo ni;
        analyze_run(c, 1, e, 1, &ni);
        if (ni.ok) who = ni.pi, ref = ni.ref;
      }
      if (who >= 0) {
        frame_t cur = {who, ref, 0, 1, 0, c->w[0], 0, 0, 0};
        *f = cur;
        return;
      }
    }
  }
  /* "Menon was blunt: "..."" */
  for (size_t k = 1; k + 1 < c->nw; k++) {
    if (!is_p(c, k, LXS_P_COLON) || c->inq[c->w[k]] || !is_quote(c, k + 1) ||
        !in_speech(c, k + 1))
      continue;
    int ref;
    size_t spos;
    int who = main_subject(c, &ref, &spos);
    if (who >= 0) {
      frame_t cur = {who, ref, 0, 0, 1, c->w[k], 0, 0, 0};
      *f = cur;
      return;
    }
    break;
  }
  if (have_np) *f = nonperson;
}

/* ---- mentions -------------------------------------------------------- */

static void scan_mentions(actx *c, uint32_t k_in_para) {
  c->subj[k_in_para] = WHO_NONE;
  size_t k = 0;
  while (k < c->nw) {
    if (!namey(c, k)) {
      if (k <= 1 && is_word(c, k) && pronoun_gender(NORM(c, k)) &&
          (k == 0 || (c->wc[0] & W_OPENER)))
        c->subj[k_in_para] = resolve_pronoun(c, pronoun_gender(NORM(c, k)), 0);
      k++;
      continue;
    }
    size_t a = k, e = run_right(c, k, c->nw);
    k = e + 1;
    int inq = in_speech(c, a);
    nameinfo ni;
    analyze_run(c, a, e, 1, &ni);
    if (!ni.ok || ni.pi < 0) continue;
    person *p = &c->P[ni.pi];
    prename_desc(c, ni.pi, a, ni.n0);
    size_t x = e + 1;
    /* "Jayant Menon (Menon), a ..." */
    if (x < c->nw && is_p(c, x, LXS_P_OPEN)) {
      size_t y = x + 1;
      while (y < c->nw && y < x + 6 && !is_p(c, y, LXS_P_CLOSE)) y++;
      if (y < c->nw && is_p(c, y, LXS_P_CLOSE)) x = y + 1;
    }
    if (x + 1 < c->nw && is_p(c, x, LXS_P_COMMA)) {
      size_t ae = appositive_end(c, x + 1, 0);
      if (ae && (ae >= c->nw || !is_word(c, ae)) &&
          !(ae < c->nw && is_p(c, ae, LXS_P_COMMA) && ae + 1 < c->nw &&
            (c->wc[ae + 1] & (W_SAY | W_WEAK))))
        set_appositive(c, ni.pi, x + 1, ae);
    } else if (x == e + 1 && x + 1 < c->nw && !p->desc[0] &&
               (norm_is(c, x, "of") || norm_is(c, x, "at")) &&
               (namey(c, x + 1) || (norm_is(c, x + 1, "the") && x + 2 < c->nw &&
                                    namey(c, x + 2)))) {
      /* "Li Wen of the Global Times" */
      size_t ae = x + 1;
      while (ae < c->nw && ae < x + 10 && is_word(c, ae) &&
             (namey(c, ae) || (c->wc[ae] & (W_DET | W_STOP)) || particle(c, ae)))
        ae++;
      while (ae > x + 1 && !namey(c, ae - 1)) ae--;
      if (ae > x + 1) set_appositive(c, ni.pi, x + 1, ae);
    }
    /* "reporter Wang Qi", "The moderator was Li Wen": the interviewer */
    for (size_t b = a >= 2 ? a - 2 : 0; b < a; b++)
      if (is_word(c, b) && (c->wc[b] & W_ASKER) && !(c->wc[b] & W_ANSWER) &&
          !norm_is(c, b, "q") && (b + 1 == a || (c->wc[b + 1] & W_AUX)))
        p->asker = 1;
    /* interviewee candidates in an introduction */
    if (!c->labels_seen) {
      int sc = 1;
      if (p->desc[0]) sc += 3;
      for (size_t b = a >= 3 ? a - 3 : 0; b < a; b++) {
        if (!is_word(c, b)) continue;
        const char *bn = NORM(c, b);
        if (strcmp(bn, "with") == 0 || strcmp(bn, "interviewed") == 0 ||
            strcmp(bn, "to") == 0)
          sc += 3;
        if ((c->wc[b] & W_ASKER) || strcmp(bn, "by") == 0 || strcmp(bn, "editor") == 0)
          sc -= 10;
      }
      p->intro += sc;
      if (c->intro_best < 0 || p->intro > c->P[c->intro_best].intro) c->intro_best = ni.pi;
    }
    int subject = a == 0 || (a == 1 && (c->wc[0] & W_OPENER) && !(c->wc[0] & W_DET));
    if (subject && !inq) {
      recent_push(c, ni.pi);
      c->subj[k_in_para] = ni.pi;
    }
  }
}

/* ---- output ------------------------------------------------------------ */

static void put_sent(actx *c, uint32_t s, int who, int cue, uint32_t flags) {
  c->ss[s] = who >= 0 ? person_speaker(c, who) : 0;
  c->sf[s] = flags;
  if (c->sc) c->sc[s] = (uint8_t)(who >= 0 || cue == LXS_CUE_QA || cue == LXS_CUE_TRANSCRIPT
                                       ? cue
                                       : LXS_CUE_AUTHOR);
}

static void put_para(actx *c, const lxs_para *P, int who, int cue, uint32_t flags) {
  for (uint32_t k = 0; k < P->nsent; k++) put_sent(c, P->first_sent + k, who, cue, flags);
}

static void grow_para(actx *c, uint32_t nsent) {
  if (c->capfr >= nsent) return;
  c->capfr = nsent + 16;
  c->fr = lxs_xrealloc(c->fr, c->capfr * sizeof *c->fr);
  c->subj = lxs_xrealloc(c->subj, c->capfr * sizeof *c->subj);
  c->sspan0 = lxs_xrealloc(c->sspan0, c->capfr * sizeof *c->sspan0);
  c->sspan1 = lxs_xrealloc(c->sspan1, c->capfr * sizeof *c->sspan1);
  c->qwords = lxs_xrealloc(c->qwords, c->capfr * sizeof *c->qwords);
}

static int frame_cue(const frame_t *f) {
  if (f->add) return LXS_CUE_CONTINUATION;
  if (f->ref == REF_PRONOUN) return LXS_CUE_PRONOUN;
  if (f->ref == REF_SHORT) return LXS_CUE_SHORT_NAME;
  if (f->ref == REF_DESC) return LXS_CUE_DESCRIPTION;
  if (f->according) return LXS_CUE_ACCORDING_TO;
  if (f->after) return LXS_CUE_SAID_AFTER;
  if (f->before) return LXS_CUE_SAID_BEFORE;
  return LXS_CUE_INDIRECT;
}

/* Reported speech goes on in the backshifted mood: "It would help ...".
 * The sentence must not open with a name or pronoun of its own. */
static int backshifted(actx *c, uint32_t s) {
  build_w(c, s);
  if (!c->nw || !is_word(c, 0)) return 0;
  const char *f = NORM(c, 0);
  if (pronoun_gender(f) || strcmp(f, "i") == 0 || strcmp(f, "we") == 0 ||
      (namey(c, 0) && !(c->wc[0] & W_OPENER)))
    return 0;
  for (size_t k = 0; k < c->nw && k < 40; k++) {
    if (!is_word(c, k)) continue;
    const char *n = NORM(c, k);
    if (strcmp(n, "would") == 0 || strcmp(n, "could") == 0 || strcmp(n, "might") == 0 ||
        strcmp(n, "should") == 0 || strcmp(n, "must") == 0)
      return 1;
  }
  return 0;
}

/* Prose: quotations, frames, continuations. */
static void prose_paragraph(actx *c, uint32_t pi) {
  const lxs_para *P = &c->tk->paras[pi];
  uint32_t ns = P->nsent;
  grow_para(c, ns);
  build_spans(c, P);
  for (uint32_t k = 0; k < ns; k++) {
    build_w(c, P->first_sent + k);
    scan_mentions(c, k);
    find_frame(c, k, &c->fr[k]);
    /* A speaker framed here is the most recent person for the pronouns of
     * the next sentences in this paragraph ("..., said X. He added ..."). */
    if (c->fr[k].who >= 0) recent_push(c, c->fr[k].who);
  }
  /* attach frames to the quotations they introduce or close */
  for (uint32_t k = 0; k < ns; k++) {
    frame_t *f = &c->fr[k];
    if (f->who == WHO_NONE) continue;
    uint32_t s = P->first_sent + k;
    if (c->sspan0[k] != NO_TOK)
      for (uint32_t x = c->sspan0[k]; x <= c->sspan1[k] && x < c->sspan0[k] + 16; x++) {
        qspan *sp = &c->spans[x];
        if (!sp->speech || sp->attached) continue;
        if (sp->close != NO_TOK && sp->close < f->verb && sp->s_close == s) {
          sp->attached = 1;
          sp->who = f->who;
          f->after = 1;
        } else if (sp->open > f->verb && sp->s_open == s) {
          sp->attached = 1;
          sp->who = f->who;
          f->before = 1;
        }
      }
    /* "Is it?" Menon asked.  (the question mark ended the sentence) */
    if (!f->after && !f->before && f->at_start && k > 0 && c->sspan0[k - 1] != NO_TOK) {
      qspan *sp = &c->spans[c->sspan1[k - 1]];
      const lxs_sent *S = &c->tk->sents[s - 1];
      if (sp->speech && !sp->attached && sp->close != NO_TOK && sp->s_close == s - 1 &&
          sp->close + 1 >= S->first_tok + S->ntok - 1 &&
          (c->sspan0[k] == NO_TOK || c->spans[c->sspan0[k]].open > f->verb)) {
        sp->attached = 1;
        sp->who = f->who;
        f->after = 1;
      }
    }
  }
  /* an open quotation of the previous paragraph continues here */
  if (c->npend) {
    qspan *s0 = c->nspans ? &c->spans[0] : NULL;
    int continues = s0 && s0->open == c->tk->sents[P->first_sent].first_tok;
    if (continues && s0->attached && s0->who >= 0) {
      for (size_t i = 0; i < c->npend; i++) put_sent(c, c->pend[i], s0->who, LXS_CUE_QUOTE,
                                                      LXS_SENT_QUOTE);
      c->npend = 0;
    } else if (!continues || s0->close != NO_TOK || s0->attached) {
      c->npend = 0;
    }
  }
  /* assign */
  int reported = WHO_NONE; /* the previous sentence reported this person */
  for (uint32_t k = 0; k < ns; k++) {
    uint32_t s = P->first_sent + k;
    frame_t *f = &c->fr[k];
    const lxs_sent *S = &c->tk->sents[s];
    int who = WHO_NONE, cue = LXS_CUE_AUTHOR;
    /* the quotation that dominates the sentence, if any */
    int qx = -1;
    if (c->qwords[k] * 2 >= S->nwords && c->qwords[k] > 0) {
      for (uint32_t x = c->sspan0[k]; x <= c->sspan1[k] && x < c->sspan0[k] + 16; x++)
        if (c->spans[x].speech) {
          qx = (int)x;
          break;
        }
    }
    if (f->who >= 0) {
      who = f->who;
      cue = frame_cue(f);
      if (f->colon) cue = f->ref == REF_FULL ? LXS_CUE_SAID_BEFORE : frame_cue(f);
    } else if (f->who == WHO_AUTHOR) {
      c->chain = WHO_AUTHOR;
    } else if (qx >= 0) {
      qspan *sp = &c->spans[qx];
      if (sp->attached) {
        who = sp->who;
        cue = LXS_CUE_QUOTE;
      } else {
        int intro = k > 0 ? (c->fr[k - 1].who == WHO_NONE ? c->subj[k - 1] : WHO_NONE)
                          : c->intro_next;
        cue = LXS_CUE_CONTINUATION;
        if (qx == 0 && sp->open == c->tk->sents[P->first_sent].first_tok &&
            c->dangling != WHO_NONE) {
          who = c->dangling;
          sp->pending = c->npend > 0 && sp->close == NO_TOK;
        } else if (intro >= 0) {
          who = intro;
          cue = LXS_CUE_QUOTE;
        } else {
          who = c->chain >= 0 && pi - c->chain_para <= 2 ? c->chain : WHO_AUTHOR;
          /* "... ¶ "...," Menon said." may name the speaker later */
          sp->pending = sp->close == NO_TOK;
        }
        sp->attached = 1;
        sp->who = who;
      }
      if (sp->pending) {
        LXS_VEC_GROW(c->pend, c->npend, c->cappend);
        c->pend[c->npend++] = s;
      }
    }
    if (who == WHO_NONE && f->who == WHO_NONE && qx < 0 && reported >= 0 &&
        c->subj[k] == WHO_NONE && backshifted(c, s))
      who = reported, cue = LXS_CUE_CONTINUATION; /* "It would help small firms." */
    reported = WHO_NONE;
    if (who >= 0 && qx < 0 && (f->who >= 0 || cue == LXS_CUE_CONTINUATION)) reported = who;
    if (who >= 0) {
      c->chain = who;
      c->chain_para = pi;
      recent_push(c, who);
    }
    put_sent(c, s, who, cue, qx >= 0 ? LXS_SENT_QUOTE : 0);
  }
  /* a quotation left open continues in the next paragraph */
  c->dangling = WHO_NONE;
  if (c->nspans) {
    qspan *sp = &c->spans[c->nspans - 1];
    if (sp->close == NO_TOK && sp->speech && sp->attached) c->dangling = sp->who;
    if (!sp->pending) c->npend = 0;
  } else {
    c->npend = 0;
  }
  /* "Menon put it this way:" introduces the next paragraph's quote */
  c->intro_next = WHO_NONE;
  const lxs_sent *L = &c->tk->sents[P->first_sent + ns - 1];
  const lxs_token *lt = &c->tk->toks[L->first_tok + L->ntok - 1];
  if (lt->kind == LXS_TOK_PUNCT && lt->punct == LXS_P_COLON) {
    if (c->fr[ns - 1].who >= 0) c->intro_next = c->fr[ns - 1].who;
    else c->intro_next = c->subj[ns - 1];
  }
}

/* ---- layouts ------------------------------------------------------------- */

static int sent_ends(const actx *c) {
  if (!c->nw) return 0;
  size_t l = c->nw - 1;
  return terminal(c, l) || is_quote(c, l);
}

/* Classify paragraph p (its first sentence is in c->w). */
static void classify_para(actx *c, uint32_t p, pinfo *pk) {
  const lxs_para *P = &c->tk->paras[p];
  memset(pk, 0, sizeof *pk);
  build_w(c, P->first_sent);
  size_t nw = c->nw;
  if (!nw) return;
  const lxs_sent *S = &c->tk->sents[P->first_sent];
  int one_line = P->nsent == 1;
  int has_next = p + 1 < c->tk->npara;
  /* "Speaker: Name[, description]" */
  if (one_line && has_next && norm_is(c, 0, "speaker") && nw > 2 && is_p(c, 1, LXS_P_COLON) &&
      !sent_ends(c)) {
    size_t k = 2;
    while (k < nw && !is_p(c, k, LXS_P_COMMA)) k++;
    if (k > 2) {
      pk->kind = PK_SPEAKERLINE;
      pk->ns = TK(c, 2)->start;
      pk->ne = TK(c, k - 1)->end;
      pk->ds = k + 1 < nw ? TK(c, k + 1)->start : S->end;
      pk->de = S->end;
      return;
    }
  }
  /* "Name, description" header line */
  if (one_line && has_next && S->nwords >= 3 && S->nwords <= 60 && namey(c, 0) &&
      !(c->wc[0] & W_OPENER) && !(terminal(c, nw - 1) || is_quote(c, nw - 1))) {
    size_t e = run_right(c, 0, nw);
    if (e + 1 < nw && is_p(c, e + 1, LXS_P_COMMA) && e >= 1 && S->nwords >= e + 3) {
      nameinfo ni;
      analyze_run(c, 0, e, 0, &ni);
      int titles_only = 1;
      for (size_t k = 0; k < ni.n0; k++)
        if (!(c->wc[k] & (W_TITLE | W_ROLE | W_ROLEADJ | W_NATION))) titles_only = 0;
      /* "..., speaks at a forum in Beijing on Monday" is a photo caption */
      for (size_t k = e + 2; k < nw; k++)
        if ((c->wc[k] & W_TIME) || (c->wc[k] & W_META && norm_is(c, k, "photo")) ||
            (is_word(c, k) && !(TK(c, k)->flags & LXS_TF_CAPITAL) &&
             (c->wc[k] & (W_SAY | W_WEAK))))
          titles_only = 0;
      if (ni.ok && titles_only) {
        pk->kind = PK_HEADER;
        pk->ns = TK(c, 0)->start;
        pk->ne = TK(c, e)->end;
        pk->ds = TK(c, e + 2)->start;
        pk->de = S->end;
        return;
      }
    }
  }
  /* "Name (Affiliation)" and a bare "Name" line */
  if (one_line && has_next && namey(c, 0) && !(c->wc[0] & W_OPENER) && S->nwords <= 40) {
    size_t e = run_right(c, 0, nw);
    size_t x = e + 1;
    int paren = x < nw && is_p(c, x, LXS_P_OPEN) && is_p(c, nw - 1, LXS_P_CLOSE) && nw > x + 2;
    int bare = x == nw || (x + 1 == nw && is_p(c, x, LXS_P_COLON));
    if ((paren || bare) && e >= 1) {
      nameinfo ni;
      analyze_run(c, 0, e, 0, &ni);
      int titles_only = 1;
      for (size_t k = 0; k < ni.n0; k++)
        if (!(c->wc[k] & (W_TITLE | W_ROLE | W_ROLEADJ | W_NATION))) titles_only = 0;
      if (ni.ok && titles_only) {
        pk->kind = paren ? PK_HEADER : PK_NAMEONLY;
        if (bare && x < nw) pk->kind = PK_SPEAKERLINE; /* "Jayant Menon:" */
        pk->ns = TK(c, 0)->start;
        pk->ne = TK(c, e)->end;
        if (paren) {
          pk->ds = TK(c, x + 1)->start;
          pk->de = TK(c, nw - 2)->end;
        }
        return;
      }
    }
  }
  /* "Label: text" */
  size_t colon = 0, paren_at = 0;
  int qa_dot = 0;
  for (size_t k = 0; k < nw && k < 9; k++) {
    if (is_p(c, k, LXS_P_COLON)) {
      colon = k;
      break;
    }
    /* "Global Times (GT):" */
    if (k > 0 && !paren_at && is_p(c, k, LXS_P_OPEN) && k + 2 < nw) {
      size_t y = k + 1;
      while (y < nw && y < k + 4 && !is_p(c, y, LXS_P_CLOSE)) y++;
      if (y + 1 < nw && is_p(c, y, LXS_P_CLOSE) && is_p(c, y + 1, LXS_P_COLON)) {
        paren_at = k;
        k = y;
        continue;
      }
      break;
    }
    if (!is_word(c, k) || !(namey(c, k) || particle(c, k) || possessive(c, k))) break;
  }
  if (!colon && nw > 1 && is_word(c, 0) && (TK(c, 0)->flags & LXS_TF_ABBR) &&
      (norm_is(c, 0, "q") || norm_is(c, 0, "a")) && is_word(c, 1)) {
    colon = 0;
    qa_dot = 1;
  }
  if (!colon && !qa_dot) return;
  size_t le = qa_dot ? 0 : (paren_at ? paren_at : colon) - 1; /* last label word */
  size_t body = qa_dot ? 1 : colon + 1;
  uint32_t words_after = 0;
  for (size_t k = body; k < nw; k++)
    if (is_word(c, k)) words_after++;
  for (uint32_t k = 1; k < P->nsent; k++) words_after += c->tk->sents[P->first_sent + k].nwords;
  int kind = PK_NONE;
  for (size_t k = 0; k <= le; k++)
    if (c->wc[k] & (W_META | W_TIME)) return;
  if (le == 0) {
    unsigned cl = c->wc[0];
    const lxs_token *t = TK(c, 0);
    if (cl & W_ASKER) kind = PK_Q;
    else if (cl & W_ANSWER) kind = PK_A;
    else if ((cl & W_ORG) && !(cl & W_PLACE)) kind = PK_OUTLET; /* "Xinhua:" */
    else if (cl & (W_OPENER | W_PLACE | W_ORG | W_NATION | W_ROLEADJ)) return;
    else if ((t->flags & LXS_TF_ALLCAPS) && t->norm_len <= 4) kind = PK_OUTLET;
    else if (namey(c, 0)) kind = PK_NAME;
  } else {
    nameinfo ni;
    analyze_run(c, 0, le, 0, &ni);
    if (ni.ok && ni.n0 == 0) kind = PK_NAME;
    else if (c->wc[le] & W_ASKER) kind = PK_Q;
    else if (c->wc[le] & W_ORG) kind = PK_OUTLET; /* "Global Times:" */
  }
  if (kind == PK_NONE) return;
  if (qa_dot && kind != PK_Q && kind != PK_A) return;
  if (kind == PK_NAME && words_after == 0) {
    /* "Jayant Menon:" alone on its line */
    if (one_line && has_next && le >= 1 && nw == colon + 1) {
      pk->kind = PK_SPEAKERLINE;
      pk->ns = TK(c, 0)->start;
      pk->ne = TK(c, le)->end;
    }
    return;
  }
  /* a short label line without a sentence is article furniture */
  if (words_after < 4 && !(P->nsent > 1 || terminal(c, nw - 1) || is_quote(c, nw - 1))) return;
  pk->kind = kind;
  pk->ns = TK(c, 0)->start;
  pk->ne = TK(c, le)->end;
}

static int person_from_text(actx *c, const char *s, size_t n) {
  c->tmp.len = 0;
  lxs_canonical_name(s, n, &c->tmp);
  if (!c->tmp.len) return WHO_NONE;
  int is_short;
  int pi = lookup_name(c, c->tmp.data, c->tmp.len, &is_short);
  if (pi >= 0) return pi;
  return new_person(c, c->tmp.data, c->tmp.len);
}

/* The person answering in a Q&A. */
static int find_interviewee(actx *c, int section_owner, uint32_t from_para) {
  if (c->interviewee != WHO_NONE) return c->interviewee;
  if (section_owner >= 0) return section_owner;
  int best = c->intro_best;
  if (best >= 0 && c->P[best].intro > 0) return c->interviewee = best;
  /* the first person named anywhere after this point */
  for (uint32_t p = from_para; p < c->tk->npara; p++) {
    const lxs_para *P = &c->tk->paras[p];
    for (uint32_t s = P->first_sent; s < P->first_sent + P->nsent; s++) {
      build_w(c, s);
      for (size_t k = 0; k < c->nw; k++) {
        if (!namey(c, k)) continue;
        size_t e = run_right(c, k, c->nw);
        nameinfo ni;
        analyze_run(c, k, e, 1, &ni);
        if (ni.ok && ni.pi >= 0 && strchr(c->P[ni.pi].name, ' '))
          return c->interviewee = ni.pi;
        k = e;
      }
    }
  }
  return c->interviewee = WHO_AUTHOR;
}

void lxs_attribute(const lxs_tokenizer *tk, const char *text, lxs_speakers *sp,
                   const lxs_speaker_hints *hints, uint32_t *sent_speaker,
                   uint32_t *sent_flags, uint8_t *sent_cue) {
  actx C;
  actx *c = &C;
  memset(c, 0, sizeof *c);
  c->tk = tk;
  c->text = text;
  c->sp = sp;
  c->hints = hints;
  c->ss = sent_speaker;
  c->sf = sent_flags;
  c->sc = sent_cue;
  c->chain = WHO_NONE;
  c->dangling = WHO_NONE;
  c->intro_next = WHO_NONE;
  c->interviewee = WHO_NONE;
  c->intro_best = -1;
  sm_init(&c->full);
  sm_init(&c->sur);
  sm_init(&c->given);
  lxs_buf_init(&c->tmp);
  for (size_t s = 0; s < tk->nsent; s++) {
    sent_speaker[s] = 0;
    sent_flags[s] = 0;
    if (sent_cue) sent_cue[s] = LXS_CUE_AUTHOR;
  }
  /* user-supplied speakers */
  if (hints)
    for (size_t i = 0; i < hints->n; i++) {
      const lxs_speaker_hint *h = &hints->items[i];
      int pi = person_from_text(c, h->name, strlen(h->name));
      if (pi < 0) continue;
      for (size_t a = 0; a < h->n_aliases; a++) {
        c->tmp.len = 0;
        lxs_canonical_name(h->aliases[a], strlen(h->aliases[a]), &c->tmp);
        sm_put(&c->full, c->tmp.data, c->tmp.len, pi, 0);
        /* the alias as written, too ("Dr Menon") */
        size_t al = strlen(h->aliases[a]);
        sm_put(&c->full, h->aliases[a], al, pi, 0);
      }
    }
  c->inq = lxs_xcalloc(tk->ntok + 1, sizeof *c->inq);
  c->pk = lxs_xcalloc(tk->npara + 1, sizeof *c->pk);
  /* pre-pass: layouts */
  int nq = 0, na = 0, nname = 0, distinct = 0, multi = 0;
  size_t first_ns = 0, first_ne = 0;
  int name_only = 0;
  for (uint32_t p = 0; p < tk->npara; p++) {
    classify_para(c, p, &c->pk[p]);
    pinfo *pk = &c->pk[p];
    if (pk->kind == PK_Q || pk->kind == PK_OUTLET) nq++;
    if (pk->kind == PK_A) na++;
    if (pk->kind == PK_NAME) {
      nname++;
      if (memchr(text + pk->ns, ' ', pk->ne - pk->ns)) multi = 1;
    }
    if (pk->kind >= PK_Q) {
      if (!first_ne) {
        first_ns = pk->ns;
        first_ne = pk->ne;
        distinct = 1;
      } else if (distinct < 2 && !eq_lower(text + first_ns, first_ne - first_ns, text + pk->ns,
                                           pk->ne - pk->ns)) {
        distinct = 2;
      }
    }
    if (pk->kind == PK_NAMEONLY) name_only++;
  }
  /* bare name lines are headers only in a round-up of two or more; a
   * one-line description right under one belongs to the header */
  for (uint32_t p = 0; p < tk->npara; p++) {
    pinfo *pk = &c->pk[p];
    if (pk->kind != PK_NAMEONLY) continue;
    /* ... introducing prose, not a byline */
    uint32_t q = p + 1;
    if (q < tk->npara && tk->paras[q].nsent == 1 && q + 1 < tk->npara) q++;
    uint32_t words = 0;
    for (uint32_t k = 0; k < tk->paras[q].nsent; k++)
      words += tk->sents[tk->paras[q].first_sent + k].nwords;
    if (name_only < 2 || words < 12) {
      pk->kind = PK_NONE;
      continue;
    }
    pk->kind = PK_HEADER;
    if (p + 2 < tk->npara && c->pk[p + 1].kind == PK_NONE && tk->paras[p + 1].nsent == 1) {
      build_w(c, tk->paras[p + 1].first_sent);
      int role = 0;
      for (size_t k = 0; k < c->nw; k++)
        if (c->wc[k] & (W_ROLE | W_ORG)) role = 1;
      if (role && c->nw && !sent_ends(c) && tk->sents[tk->paras[p + 1].first_sent].nwords <= 30) {
        const lxs_sent *D = &tk->sents[tk->paras[p + 1].first_sent];
        pk->ds = D->start;
        pk->de = D->end;
        c->pk[p + 1].kind = PK_DESCLINE;
      }
    }
  }
  int labelled = (nq >= 1 && na >= 1) || (nq + nname >= 2 && distinct >= 2) ||
                 (nname >= 2 && multi);
  int owner = WHO_NONE, owner_cue = LXS_CUE_HEADER;
  int turn = WHO_NONE, turn_active = 0;
  for (uint32_t p = 0; p < tk->npara; p++) {
    const lxs_para *P = &tk->paras[p];
    pinfo *pk = &c->pk[p];
    if (pk->kind == PK_HEADER || pk->kind == PK_SPEAKERLINE) {
      int pi = person_from_text(c, text + pk->ns, pk->ne - pk->ns);
      if (pi >= 0 && pk->de > pk->ds) person_set_desc(c, pi, text + pk->ds, pk->de - pk->ds);
      owner = pi;
      owner_cue = pk->kind == PK_HEADER ? LXS_CUE_HEADER : LXS_CUE_SPEAKER_LINE;
      turn_active = 0;
      c->chain = WHO_NONE;
      c->dangling = WHO_NONE;
      c->intro_next = WHO_NONE;
      if (pi >= 0) recent_push(c, pi);
      put_para(c, P, pi, owner_cue, LXS_SENT_HEADER);
      continue;
    }
    if (pk->kind != PK_NONE) c->npend = 0;
    if (pk->kind == PK_DESCLINE) {
      put_para(c, P, owner, owner_cue, LXS_SENT_HEADER);
      continue;
    }
    if (labelled && pk->kind >= PK_Q) {
      int who = WHO_AUTHOR, cue = LXS_CUE_TRANSCRIPT;
      if (pk->kind == PK_Q) cue = LXS_CUE_QA;
      if (pk->kind == PK_A) {
        who = find_interviewee(c, owner, p);
        cue = LXS_CUE_QA;
      }
      if (pk->kind == PK_NAME) {
        who = person_from_text(c, text + pk->ns, pk->ne - pk->ns);
        if (who >= 0 && c->P[who].asker) who = WHO_AUTHOR; /* the interviewer */
      }
      c->labels_seen = 1;
      turn = who;
      turn_active = 1;
      c->chain = WHO_NONE;
      c->dangling = WHO_NONE;
      if (who >= 0) recent_push(c, who);
      put_para(c, P, who, cue, 0);
      continue;
    }
    if (turn_active && turn >= 0) {
      put_para(c, P, turn, LXS_CUE_CONTINUATION, 0);
      continue;
    }
    if (owner >= 0 && !turn_active) {
      put_para(c, P, owner, owner_cue, 0);
      continue;
    }
    prose_paragraph(c, p);
  }
  /* clean up */
  for (size_t i = 0; i < c->np; i++) {
    free(c->P[i].name);
    free(c->P[i].desc);
    lxs_buf_free(&c->P[i].dwords);
  }
  free(c->P);
  sm_free(&c->full);
  sm_free(&c->sur);
  sm_free(&c->given);
  free(c->w);
  free(c->wc);
  free(c->inq);
  free(c->spans);
  free(c->sspan0);
  free(c->sspan1);
  free(c->qwords);
  free(c->subj);
  free(c->fr);
  free(c->pk);
  free(c->pend);
  lxs_buf_free(&c->tmp);
}

void lxs_segment(const lxs_tokenizer *tk, const char *text, lxs_speakers *sp,
                 uint32_t *sent_speaker, uint32_t *sent_flags) {
  lxs_attribute(tk, text, sp, NULL, sent_speaker, sent_flags, NULL);
}
