// Every word the site itself says, in Kazakh, Russian and English. Plain language: short
// sentences, everyday words, the visitor addressed directly. Content from the register
// (names, decisions, reports) comes from the API in its own languages.
import type {
  AccreditationStatus,
  DecisionOutcome,
  EducationLevel,
  EventFormat,
  FrameworkStatus,
  Language,
  Localized,
  LocalizedString,
  MaterialKind,
  OrganizationKind,
  ProgrammeType,
  RegionKind,
  ReportKind,
  SupportAudience,
  SupportEventKind,
} from '../lib/api.ts';

export const LANGS = ['kk', 'ru', 'en'] as const;
export type Lang = (typeof LANGS)[number];
export const DEFAULT_LANG: Lang = 'kk';

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGS as readonly string[]).includes(value);
}

export const toApiLanguage = (lang: Lang): Language => lang.toUpperCase() as Language;
export const fromApiLanguage = (language: Language): Lang => language.toLowerCase() as Lang;

/** Each language named in itself, for the language switcher. */
export const LANG_NAMES: Record<Lang, string> = { kk: 'Қазақша', ru: 'Русский', en: 'English' };

/** BCP 47 locale used to format dates and sort names. */
export const LOCALES: Record<Lang, string> = { kk: 'kk-KZ', ru: 'ru-RU', en: 'en-GB' };

type Strings = Record<Lang, string>;

export const ui = {
  siteName: { kk: 'Аккредиттеу тізілімі', ru: 'Реестр аккредитации', en: 'Accreditation register' },
  siteTagline: {
    kk: 'Қазақстанның мектептері мен колледждері',
    ru: 'Школы и колледжи Казахстана',
    en: 'Schools and colleges of Kazakhstan',
  },
  skipLink: { kk: 'Негізгі мазмұнға өту', ru: 'Перейти к основному содержанию', en: 'Skip to main content' },
  mainNav: { kk: 'Негізгі мәзір', ru: 'Основное меню', en: 'Main menu' },
  navHome: { kk: 'Басты бет', ru: 'Главная', en: 'Home' },
  navRegister: { kk: 'Тізілім', ru: 'Реестр', en: 'Register' },
  navRegions: { kk: 'Өңірлер', ru: 'Регионы', en: 'Regions' },
  navStandards: { kk: 'Стандарттар', ru: 'Стандарты', en: 'Standards' },
  navExperts: { kk: 'Сарапшылар', ru: 'Эксперты', en: 'Experts' },
  navVerify: { kk: 'Мәртебені тексеру', ru: 'Проверить статус', en: 'Check a status' },
  navOpenData: { kk: 'Ашық деректер', ru: 'Открытые данные', en: 'Open data' },
  feedTitle: {
    kk: 'Жарияланған шешімдер мен есептер (Atom)',
    ru: 'Опубликованные решения и отчёты (Atom)',
    en: 'Published decisions and reports (Atom)',
  },
  openDataTitle: { kk: 'Ашық деректер', ru: 'Открытые данные', en: 'Open data' },
  openDataLead: {
    kk: 'Тізілім, шешімдер мен есептер машинамен оқылатын файлдар ретінде: CSV (UTF-8, BOM, үтір) және JSON. Тұрақты идентификаторлар — ұйымдар үшін БСН, шешімдер үшін шешім нөмірі.',
    ru: 'Реестр, решения и отчёты в машиночитаемых файлах: CSV (UTF-8 с BOM, запятая) и JSON. Постоянные идентификаторы — БИН для организаций, номер решения для решений.',
    en: 'The register, decisions and reports as machine-readable files: CSV (UTF-8 with BOM, comma-separated) and JSON. Stable identifiers: the BIN for organizations, the decision number for decisions.',
  },
  openDataFiles: { kk: 'Файлдар', ru: 'Файлы', en: 'Files' },
  openDataColumns: { kk: 'Бағандар', ru: 'Столбцы', en: 'Columns' },
  openDataColumn: { kk: 'Баған', ru: 'Столбец', en: 'Column' },
  openDataMeaning: { kk: 'Мағынасы', ru: 'Значение', en: 'Meaning' },
  openDataLicence: { kk: 'Лицензия', ru: 'Лицензия', en: 'Licence' },
  openDataUpdates: { kk: 'Жаңарту жиілігі', ru: 'Частота обновления', en: 'Update frequency' },
  openDataFeed: { kk: 'Жаңалықтар арнасы', ru: 'Лента новостей', en: 'News feed' },
  openDataFeedText: {
    kk: 'Жарияланған шешімдердің Atom арнасы (жаңалары бірінші):',
    ru: 'Лента Atom опубликованных решений (новые сначала):',
    en: 'Atom feed of published decisions (newest first):',
  },
  languageSwitcher: { kk: 'Тілді таңдау', ru: 'Выбор языка', en: 'Choose a language' },
  builtAt: { kk: 'Бет жасалған уақыт: {time}', ru: 'Страница создана: {time}', en: 'Page built: {time}' },
  generatedAt: { kk: 'Бет жасалған уақыт: {time}', ru: 'Страница создана: {time}', en: 'Page generated: {time}' },
  almatyTime: { kk: 'Алматы уақыты', ru: 'время Алматы', en: 'Almaty time' },
  footerAbout: {
    kk: 'Деректер аккредиттеу тізілімінің API-інен алынған. Мәртебелер бет жасалған күнге сәйкес.',
    ru: 'Данные взяты из API реестра аккредитации. Статусы указаны на дату создания страницы.',
    en: 'Data comes from the accreditation register’s API. Statuses are as of the day the page was built.',
  },
  footerAboutLive: {
    kk: 'Деректер аккредиттеу тізілімінің API-інен дәл осы сәтте алынды: мәртебелер төменде көрсетілген уақытқа сәйкес.',
    ru: 'Данные получены из API реестра аккредитации только что: статусы указаны на время, указанное ниже.',
    en: 'Data comes from the accreditation register’s API just now: statuses are as of the time shown below.',
  },
  footerVerify: {
    kk: 'Мәртебенің дәл қазіргі күйін «Мәртебені тексеру» бетінен біліңіз.',
    ru: 'Текущий статус можно узнать на странице «Проверить статус».',
    en: 'For the status right now, use “Check a status”.',
  },

  // Fallback texts and demo data
  fallbackNote: {
    kk: 'Аударма жоқ: мәтін {language} берілген.',
    ru: 'Перевода нет: текст показан на {language}.',
    en: 'Translation not available; shown in {language}.',
  },
  fallbackShort: { kk: '({language})', ru: '(на {language})', en: '(in {language})' },
  noText: { kk: 'Мәтін жоқ.', ru: 'Текста нет.', en: 'No text.' },
  demoBadge: { kk: 'Демо', ru: 'Демо', en: 'Demo' },
  demoRecord: {
    kk: 'Демонстрациялық жазба: аккредиттеу органының нақты шешімі емес.',
    ru: 'Демонстрационная запись, а не настоящее решение аккредитационного органа.',
    en: 'Demonstration record, not a real decision of the accreditation body.',
  },
  demoReport: {
    kk: 'Демонстрациялық есеп: бағдарламаны көрсету үшін жазылған, нақты есеп емес.',
    ru: 'Демонстрационный отчёт: написан, чтобы показать работу системы, это не настоящий отчёт.',
    en: 'Demonstration report: written to show how the system works, not a real report.',
  },
  demoDataNote: {
    kk: 'Назар аударыңыз: тізілімде демонстрациялық жазбалар бар. Олар жүйенің жұмысын көрсету үшін жасалған, аккредиттеу органының нақты шешімдері емес. Мұндай жазбалар «Демо» белгісімен белгіленген.',
    ru: 'Обратите внимание: в реестре есть демонстрационные записи. Они созданы, чтобы показать работу системы, и не являются настоящими решениями аккредитационного органа. Такие записи отмечены знаком «Демо».',
    en: 'Please note: the register includes demonstration records. They were made to show how the system works and are not real decisions of the accreditation body. They are marked “Demo”.',
  },
  placeholderBinsNote: {
    kk: 'Толтырғыш БСН-і бар ұйымдар: {count}. Олардың нақты БСН-і жарияланбаған (мысалы, Назарбаев Зияткерлік мектептерінің кампустары), сондықтан көрсету үшін нөмір жасалды. Бұл нақты БСН емес. Мұндай БСН-дер «толтырғыш БСН» деп белгіленген.',
    ru: 'Организаций с условным БИН: {count}. Их настоящий БИН не опубликован (например, у кампусов Назарбаев Интеллектуальных школ), поэтому для демонстрации номер сгенерирован. Это не настоящий БИН. Такие номера отмечены «условный БИН».',
    en: 'Organizations with a placeholder BIN: {count}. Their real BIN is not public (for example, for the Nazarbayev Intellectual Schools campuses), so a number was generated for demonstration. It is not a real BIN. These numbers are marked “placeholder BIN”.',
  },
  placeholderBin: { kk: 'толтырғыш БСН', ru: 'условный БИН', en: 'placeholder BIN' },
  placeholderBinNote: {
    kk: 'Бұл нақты БСН емес: ол көрсету үшін жасалған, себебі ұйымның нақты БСН-і жарияланбаған.',
    ru: 'Это не настоящий БИН: он сгенерирован для демонстрации, потому что настоящий БИН организации не опубликован.',
    en: 'This is not a real BIN: it was generated for demonstration because the organization’s real BIN is not public.',
  },

  // Home
  homeTitle: {
    kk: 'Мектептер мен колледждерді аккредиттеу тізілімі',
    ru: 'Реестр аккредитации школ и колледжей',
    en: 'Register of school and college accreditation',
  },
  homeLead: {
    kk: 'Мектептің немесе колледждің аккредиттелгенін, қай күнге дейін екенін біліңіз және жарияланған есептерді оқыңыз.',
    ru: 'Узнайте, аккредитована ли школа или колледж и до какого числа, и прочитайте опубликованные отчёты.',
    en: 'Find out if a school or college is accredited and until when, and read the published reports.',
  },
  keyFigures: { kk: 'Негізгі көрсеткіштер', ru: 'Основные показатели', en: 'Key figures' },
  asOf: { kk: '{date} жағдай бойынша', ru: 'По состоянию на {date}', en: 'As of {date}' },
  figureTotal: { kk: 'Тізілімдегі ұйымдар', ru: 'Организаций в реестре', en: 'Organizations in the register' },
  figureAccredited: { kk: 'Аккредиттелген', ru: 'Аккредитованы', en: 'Accredited' },
  figureInProgress: { kk: 'Аккредиттеу жүріп жатыр', ru: 'Идёт аккредитация', en: 'Accreditation in progress' },
  figureRefusedExpired: {
    kk: 'Бас тартылған немесе мерзімі өткен',
    ru: 'Отказано или срок истёк',
    en: 'Refused or expired',
  },
  whatIsTitle: { kk: 'Аккредиттеу дегеніміз не', ru: 'Что такое аккредитация', en: 'What accreditation is' },
  whatIs1: {
    kk: 'Аккредиттеу — мектептің немесе колледждің бекітілген сапа стандарттарына сай екенін тәуелсіз тексеру.',
    ru: 'Аккредитация — это независимая проверка того, что школа или колледж соответствует утверждённым стандартам качества.',
    en: 'Accreditation is an independent check that a school or college meets agreed standards of quality.',
  },
  whatIs2: {
    kk: 'Алдымен ұйым өзін стандарттар бойынша бағалайды. Содан кейін сарапшылар тобы ұйымға барады: сабақтарды көреді, адамдармен сөйлеседі және есеп жазады.',
    ru: 'Сначала организация сама оценивает себя по стандартам. Затем группа экспертов приезжает в организацию: посещает уроки, беседует с людьми и пишет отчёт.',
    en: 'First, the organization assesses itself against the standards. Then a team of experts visits it: they watch lessons, talk to people and write a report.',
  },
  whatIs3: {
    kk: 'Осы есеп негізінде Аккредиттеу кеңесі шешім қабылдайды: ұйымды белгілі бір мерзімге аккредиттейді немесе аккредиттеуден бас тартады. Барлық шешімдер мен есептер осы тізілімде жарияланады.',
    ru: 'На основе отчёта Аккредитационный совет принимает решение: аккредитовать организацию на определённый срок или отказать. Все решения и отчёты публикуются в этом реестре.',
    en: 'Based on the report, the Accreditation Council decides to accredit the organization for a fixed period, or to refuse. All decisions and reports are published in this register.',
  },
  findTitle: { kk: 'Тізілімді қарау', ru: 'Найти в реестре', en: 'Find in the register' },
  linkRegister: {
    kk: 'Барлық мектептер мен колледждер',
    ru: 'Все школы и колледжи',
    en: 'All schools and colleges',
  },
  linkRegions: { kk: 'Өңірлер бойынша', ru: 'По регионам', en: 'By region' },
  linkStandards: {
    kk: 'Аккредиттеу стандарттары мен өлшемшарттары',
    ru: 'Стандарты и критерии аккредитации',
    en: 'Accreditation standards and criteria',
  },
  linkVerify: {
    kk: 'Ұйымның қазіргі мәртебесін БСН бойынша тексеру',
    ru: 'Проверить текущий статус организации по БИН',
    en: 'Check an organization’s current status by its BIN',
  },

  // Register, filters, tables
  registerTitle: { kk: 'Ұйымдар тізілімі', ru: 'Реестр организаций', en: 'Register of organizations' },
  registerStatusTitle: { kk: 'Тізілім: {status}', ru: 'Реестр: {status}', en: 'Register: {status}' },
  count: { kk: 'Ұйымдар саны: {count}', ru: 'Организаций: {count}', en: 'Organizations: {count}' },
  filterTitle: { kk: 'Тізімді сүзу', ru: 'Отбор', en: 'Filter the list' },
  filterStatus: { kk: 'Мәртебесі', ru: 'Статус', en: 'Status' },
  filterRegion: { kk: 'Өңірі', ru: 'Регион', en: 'Region' },
  filterAll: { kk: 'Барлығы', ru: 'Все', en: 'All' },
  currentFilter: { kk: '(таңдалған)', ru: '(выбрано)', en: '(selected)' },
  colName: { kk: 'Атауы', ru: 'Название', en: 'Name' },
  colBin: { kk: 'БСН', ru: 'БИН', en: 'BIN' },
  colRegion: { kk: 'Өңір', ru: 'Регион', en: 'Region' },
  colCity: { kk: 'Елді мекен', ru: 'Населённый пункт', en: 'City or town' },
  colStatus: { kk: 'Мәртебе', ru: 'Статус', en: 'Status' },
  colOrganizations: { kk: 'Ұйымдар', ru: 'Организации', en: 'Organizations' },
  colAccredited: { kk: 'Аккредиттелген', ru: 'Аккредитованы', en: 'Accredited' },
  noOrganizations: {
    kk: 'Бұл тізімде ұйымдар әзірге жоқ.',
    ru: 'В этом списке пока нет организаций.',
    en: 'There are no organizations in this list yet.',
  },
  pagination: { kk: 'Беттер', ru: 'Страницы', en: 'Pages' },
  pageOf: { kk: '{total} беттің {n}-беті', ru: 'Страница {n} из {total}', en: 'Page {n} of {total}' },
  previousPage: { kk: 'Алдыңғы бет', ru: 'Предыдущая страница', en: 'Previous page' },
  nextPage: { kk: 'Келесі бет', ru: 'Следующая страница', en: 'Next page' },
  pageN: { kk: '{n}-бет', ru: 'Страница {n}', en: 'Page {n}' },
  validUntil: { kk: '{date} дейін', ru: 'до {date}', en: 'until {date}' },
  endedOn: { kk: '{date} аяқталды', ru: 'истекла {date}', en: 'ended {date}' },

  // Organization page
  orgDetails: { kk: 'Ұйым туралы', ru: 'Об организации', en: 'About the organization' },
  orgKind: { kk: 'Түрі', ru: 'Тип', en: 'Kind' },
  orgLevel: { kk: 'Білім деңгейі', ru: 'Уровень образования', en: 'Level of education' },
  orgProgramme: { kk: 'Бағдарлама түрі', ru: 'Тип программы', en: 'Programme type' },
  orgLanguages: { kk: 'Оқыту тілдері', ru: 'Языки обучения', en: 'Languages of instruction' },
  orgAddress: { kk: 'Мекенжайы', ru: 'Адрес', en: 'Address' },
  orgWebsite: { kk: 'Сайты', ru: 'Сайт', en: 'Website' },
  orgPredecessor: { kk: 'Бұрынғы ұйым', ru: 'Предшественник', en: 'Reorganised from' },
  orgSuccessors: { kk: 'Кейінгі ұйымдар', ru: 'Правопреемники', en: 'Reorganised into' },
  orgDemo: {
    kk: 'Бұл ұйымның жазбасы демонстрациялық деректерге жатады.',
    ru: 'Эта запись относится к демонстрационным данным.',
    en: 'This entry is part of the demonstration data.',
  },
  statusTitle: { kk: 'Аккредиттеу мәртебесі', ru: 'Статус аккредитации', en: 'Accreditation status' },
  statusOnDate: {
    kk: 'Мәртебе бет жасалған күнге ({date}) сәйкес.',
    ru: 'Статус указан на дату создания страницы ({date}).',
    en: 'Status as of the day this page was built ({date}).',
  },
  checkLive: {
    kk: 'Мәртебені дәл қазір тексеру',
    ru: 'Проверить статус прямо сейчас',
    en: 'Check the status right now',
  },
  decisionsTitle: { kk: 'Шешімдер тарихы', ru: 'История решений', en: 'Decision history' },
  decisionsOrder: {
    kk: 'Ең соңғы жарияланым бірінші, платформаның аудит журналында жазылғандай. Түзетілген шешімдер де тарихта қалады.',
    ru: 'Сначала последние публикации, как они записаны в журнале аудита платформы. Исправленные решения остаются в истории.',
    en: 'Latest publication first, as recorded in the platform’s audit trail. Corrected decisions stay in the history.',
  },
  correctionTag: { kk: 'Түзету', ru: 'Исправление', en: 'Correction' },
  noDecisions: { kk: 'Жарияланған шешімдер жоқ.', ru: 'Опубликованных решений нет.', en: 'No published decisions.' },
  decision: { kk: 'Шешім {number}', ru: 'Решение {number}', en: 'Decision {number}' },
  decisionDate: { kk: 'Шешім күні', ru: 'Дата решения', en: 'Date of decision' },
  decisionOutcome: { kk: 'Шешім', ru: 'Решение', en: 'Outcome' },
  decisionValidity: { kk: 'Жарамдылық мерзімі', ru: 'Срок действия', en: 'Valid' },
  validFromTo: { kk: '{from} бастап {to} дейін', ru: 'с {from} по {to}', en: 'from {from} to {to}' },
  caseNumber: { kk: 'Іс нөмірі', ru: 'Номер дела', en: 'Case number' },
  frameworkVersion: { kk: 'Стандарттар нұсқасы', ru: 'Версия стандартов', en: 'Version of the standards' },
  publishedAt: { kk: 'Жарияланды', ru: 'Опубликовано', en: 'Published' },
  decisionSummary: { kk: 'Қысқаша мазмұны', ru: 'Кратко', en: 'In brief' },
  superseded: { kk: 'Түзетілген', ru: 'Заменено', en: 'Superseded' },
  supersededBy: {
    kk: 'Бұл шешім түзетілді, оның орнына {link} шешімі қолданылады.',
    ru: 'Это решение исправлено и заменено решением {link}.',
    en: 'This decision was corrected and is superseded by decision {link}.',
  },
  corrects: {
    kk: 'Бұл шешім {link} шешімін түзетеді.',
    ru: 'Это решение исправляет решение {link}.',
    en: 'This decision corrects decision {link}.',
  },
  reportsTitle: { kk: 'Жарияланған есептер', ru: 'Опубликованные отчёты', en: 'Published reports' },
  noReports: { kk: 'Жарияланған есептер жоқ.', ru: 'Опубликованных отчётов нет.', en: 'No published reports.' },

  // Report page
  reportOrganization: { kk: 'Ұйым', ru: 'Организация', en: 'Organization' },
  reportKind: { kk: 'Есеп түрі', ru: 'Вид отчёта', en: 'Kind of report' },
  reportLanguage: { kk: 'Есеп тілі', ru: 'Язык отчёта', en: 'Language of the report' },
  reportPublishedIn: {
    kk: 'Бұл есеп {language} жарияланған.',
    ru: 'Этот отчёт опубликован на {language}.',
    en: 'This report is published in {language}.',
  },
  reportSummary: { kk: 'Қысқаша мазмұны', ru: 'Краткое содержание', en: 'Summary' },
  reportSections: { kk: 'Стандарттар бойынша бағалау', ru: 'Оценка по стандартам', en: 'Assessment by standard' },
  reportAttachments: { kk: 'Қосымша файлдар', ru: 'Приложенные файлы', en: 'Attached files' },
  standardLabel: { kk: '{code} стандарты', ru: 'Стандарт {code}', en: 'Standard {code}' },
  findings: { kk: 'Анықталғаны', ru: 'Выводы', en: 'Findings' },
  strengths: { kk: 'Күшті жақтары', ru: 'Сильные стороны', en: 'Strengths' },
  recommendations: { kk: 'Ұсынымдар', ru: 'Рекомендации', en: 'Recommendations' },
  translations: { kk: 'Басқа тілдердегі нұсқасы', ru: 'Этот отчёт на других языках', en: 'This report in other languages' },
  noTranslations: {
    kk: 'Бұл есеп басқа тілдерде жарияланбаған.',
    ru: 'На других языках этот отчёт не опубликован.',
    en: 'This report is not published in other languages.',
  },
  backToOrganization: { kk: 'Ұйым бетіне оралу', ru: 'К странице организации', en: 'Back to the organization' },

  // Standards
  standardsTitle: { kk: 'Аккредиттеу стандарттары', ru: 'Стандарты аккредитации', en: 'Accreditation standards' },
  standardsLead: {
    kk: 'Ұйымдар осы стандарттар мен өлшемшарттар бойынша бағаланады. Әр іс басталған кезде күшіндегі нұсқа бойынша қаралады.',
    ru: 'Организации оцениваются по этим стандартам и критериям. Каждое дело рассматривается по версии, действовавшей на момент его начала.',
    en: 'Organizations are assessed against these standards and criteria. Each case is judged against the version in force when it started.',
  },
  sampleFramework: {
    kk: 'Бұл стандарттардың үлгі нұсқасы: ол көрсету үшін жазылған және аккредиттеу органы бекіткен стандарттар емес.',
    ru: 'Это образец стандартов: он написан для демонстрации и не является стандартами, утверждёнными аккредитационным органом.',
    en: 'This is a sample framework written for demonstration. It is not the standards approved by the accreditation body.',
  },
  version: { kk: '{n}-нұсқа', ru: 'Версия {n}', en: 'Version {n}' },
  inForceSince: { kk: '{date} бастап қолданылады', ru: 'Действует с {date}', en: 'In force since {date}' },
  validityYears: {
    kk: 'Аккредиттеудің әдепкі мерзімі: {n} жыл',
    ru: 'Срок аккредитации по умолчанию (лет): {n}',
    en: 'Default length of an accreditation (years): {n}',
  },
  criteriaCount: { kk: 'Өлшемшарттар саны: {n}', ru: 'Критериев: {n}', en: 'Criteria: {n}' },
  criteria: { kk: 'Өлшемшарттар', ru: 'Критерии', en: 'Criteria' },
  standardsContents: { kk: 'Стандарттар тізімі', ru: 'Список стандартов', en: 'List of standards' },
  noFramework: {
    kk: 'Қазір күшіндегі стандарттар жарияланбаған.',
    ru: 'Действующие стандарты пока не опубликованы.',
    en: 'No standards are in force yet.',
  },

  // Regions
  regionsTitle: { kk: 'Өңірлер', ru: 'Регионы', en: 'Regions' },
  regionsLead: {
    kk: 'Қазақстанның 17 облысы және республикалық маңызы бар 3 қаласы. Өңірдің ұйымдарын көру үшін оны таңдаңыз.',
    ru: '17 областей и 3 города республиканского значения Казахстана. Выберите регион, чтобы увидеть его организации.',
    en: 'The 17 regions and 3 cities of republican significance of Kazakhstan. Choose one to see its organizations.',
  },
  regionTitle: { kk: '{region}: ұйымдар', ru: '{region}: организации', en: '{region}: organizations' },
  regionCentre: { kk: 'Әкімшілік орталығы', ru: 'Административный центр', en: 'Administrative centre' },
  allRegions: { kk: 'Барлық өңірлер', ru: 'Все регионы', en: 'All regions' },

  // Register of certified experts
  expertsTitle: {
    kk: 'Сертификатталған сарапшылар тізілімі',
    ru: 'Реестр сертифицированных экспертов',
    en: 'Register of certified experts',
  },
  expertsFilteredTitle: { kk: 'Сарапшылар: {filter}', ru: 'Эксперты: {filter}', en: 'Experts: {filter}' },
  expertsLead: {
    kk: 'Мектептер мен колледждерді аккредиттеу кезінде оларды сертификатталған сарапшылар бағалайды. Тізілімде сертификаты бүгін жарамды сарапшылар ғана бар.',
    ru: 'При аккредитации школы и колледжи оценивают сертифицированные эксперты. В реестре только эксперты, чей сертификат действует сегодня.',
    en: 'Schools and colleges are assessed for accreditation by certified experts. The register lists only experts whose certificate is valid today.',
  },
  expertsOnDate: {
    kk: 'Тізілім бет жасалған күнге ({date}) сәйкес.',
    ru: 'Реестр показан на дату создания страницы ({date}).',
    en: 'The register as of the day this page was built ({date}).',
  },
  expertsCount: { kk: 'Сарапшылар саны: {count}', ru: 'Экспертов: {count}', en: 'Experts: {count}' },
  expertsDemoNote: {
    kk: 'Назар аударыңыз: сертификат нөмірі «DEMO-» деп басталатын жазбалар — демонстрациялық деректер. Олар жүйенің жұмысын көрсету үшін жасалған, нақты сарапшылар емес. Мұндай жазбалар «Демо» белгісімен белгіленген.',
    ru: 'Обратите внимание: записи, у которых номер сертификата начинается с «DEMO-», — демонстрационные данные. Они созданы, чтобы показать работу системы, это не настоящие эксперты. Такие записи отмечены знаком «Демо».',
    en: 'Please note: entries whose certificate number starts with “DEMO-” are demonstration data. They were made to show how the system works and are not real experts. They are marked “Demo”.',
  },
  filterExpertLanguage: { kk: 'Жұмыс тілі', ru: 'Язык работы', en: 'Working language' },
  filterExpertLevel: { kk: 'Білім деңгейі', ru: 'Уровень образования', en: 'Level of education' },
  colExpertName: { kk: 'Аты-жөні', ru: 'ФИО', en: 'Name' },
  colCertificate: { kk: 'Сертификат нөмірі', ru: 'Номер сертификата', en: 'Certificate number' },
  colCertificateValid: { kk: 'Жарамдылық мерзімі', ru: 'Действует до', en: 'Valid until' },
  colSpecialisations: { kk: 'Мамандануы', ru: 'Специализация', en: 'Specialisations' },
  colExpertLanguages: { kk: 'Жұмыс тілдері', ru: 'Языки работы', en: 'Working languages' },
  noExperts: { kk: 'Бұл тізімде сарапшылар әзірге жоқ.', ru: 'В этом списке пока нет экспертов.', en: 'There are no experts in this list yet.' },

  // Verify
  verifyTitle: {
    kk: 'Аккредиттеу мәртебесін тексеру',
    ru: 'Проверка статуса аккредитации',
    en: 'Check accreditation status',
  },
  verifyLead: {
    kk: 'Ұйымның БСН-ін енгізіңіз. Мәртебе тізілімнен дәл қазір алынады.',
    ru: 'Введите БИН организации. Статус берётся из реестра прямо сейчас.',
    en: 'Enter the organization’s BIN. The status is taken from the register right now.',
  },
  verifyLabel: { kk: 'БСН', ru: 'БИН', en: 'BIN' },
  verifyHint: { kk: '12 цифр, мысалы 123456789012', ru: '12 цифр, например 123456789012', en: '12 digits, for example 123456789012' },
  verifyButton: { kk: 'Тексеру', ru: 'Проверить', en: 'Check' },
  verifyLive: {
    kk: 'Бұл мәртебе тізілімнен дәл қазір алынды.',
    ru: 'Этот статус только что получен из реестра.',
    en: 'This status was taken from the register just now.',
  },
  checkedAt: { kk: 'Тексерілген уақыт: {time}', ru: 'Проверено: {time}', en: 'Checked at {time}' },
  openEntry: { kk: 'Тізілімдегі жазбаны ашу', ru: 'Открыть запись в реестре', en: 'Open the register entry' },
  latestDecision: { kk: 'Соңғы шешім', ru: 'Последнее решение', en: 'Latest decision' },
  verifyInvalidTitle: { kk: 'БСН дұрыс емес', ru: 'Неверный БИН', en: 'This BIN is not valid' },
  verifyInvalid: {
    kk: '«{bin}» — дұрыс БСН емес. БСН 12 цифрдан тұрады, соңғысы — бақылау цифры. Нөмірді тексеріп, қайта енгізіңіз.',
    ru: '«{bin}» — это не БИН. БИН состоит из 12 цифр, последняя — контрольная. Проверьте номер и введите его ещё раз.',
    en: '“{bin}” is not a valid BIN. A BIN has 12 digits, and the last one is a check digit. Check the number and enter it again.',
  },
  verifyNotFoundTitle: { kk: 'Ұйым табылмады', ru: 'Организация не найдена', en: 'Organization not found' },
  verifyNotFound: {
    kk: 'Тізілімде БСН-і {bin} ұйым жоқ.',
    ru: 'В реестре нет организации с БИН {bin}.',
    en: 'The register has no organization with BIN {bin}.',
  },
  verifyNotFoundHelp: {
    kk: 'Нөмірді тексеріңіз немесе ұйымды тізілімнен іздеңіз.',
    ru: 'Проверьте номер или найдите организацию в реестре.',
    en: 'Check the number, or look for the organization in the register.',
  },
  verifyUnavailableTitle: { kk: 'Тізілім қолжетімсіз', ru: 'Реестр недоступен', en: 'The register is not available' },
  verifyUnavailable: {
    kk: 'Тізілім қазір жауап бермей тұр. Біраз уақыттан кейін қайталап көріңіз.',
    ru: 'Реестр сейчас не отвечает. Попробуйте ещё раз немного позже.',
    en: 'The register is not answering right now. Please try again in a few minutes.',
  },

  // Not found
  notFoundTitle: { kk: 'Бет табылмады', ru: 'Страница не найдена', en: 'Page not found' },
  notFoundText: {
    kk: 'Мекенжайды тексеріңіз немесе басты беттен бастаңыз.',
    ru: 'Проверьте адрес или начните с главной страницы.',
    en: 'Check the address, or start from the home page.',
  },
  chooseLanguage: { kk: 'Тілді таңдаңыз', ru: 'Выберите язык', en: 'Choose a language' },

  // Menu: decisions, procedure, statistics
  navDecisions: { kk: 'Шешімдер', ru: 'Решения', en: 'Decisions' },
  navProcedure: { kk: 'Рәсім', ru: 'Процедура', en: 'Procedure' },
  navStatistics: { kk: 'Статистика', ru: 'Статистика', en: 'Statistics' },

  // Latest decisions
  latestDecisionsTitle: { kk: 'Соңғы шешімдер', ru: 'Последние решения', en: 'Latest decisions' },
  latestDecisionsLead: {
    kk: 'Аккредиттеу кеңесінің соңғы {count} жарияланған шешімі, жарияланған күні бойынша, жаңалары бірінші.',
    ru: 'Последние {count} опубликованных решений Аккредитационного совета по дате публикации, новые сначала.',
    en: 'The latest {count} published decisions of the Accreditation Council, by date of publication, newest first.',
  },
  colDecisionNumber: { kk: 'Шешім нөмірі', ru: 'Номер решения', en: 'Decision number' },
  colOrganization: { kk: 'Ұйым', ru: 'Организация', en: 'Organization' },
  correctionOf: { kk: '{number} шешімін түзетеді', ru: 'исправляет решение {number}', en: 'corrects decision {number}' },
  supersededByShort: { kk: '{number} шешімімен түзетілген', ru: 'заменено решением {number}', en: 'superseded by decision {number}' },
  noValidity: { kk: '—', ru: '—', en: '—' },

  // Procedure
  procedureTitle: { kk: 'Аккредиттеу қалай өтеді', ru: 'Как проходит аккредитация', en: 'How accreditation works' },
  procedureLead: {
    kk: 'Аккредиттеу бес кезеңнен тұрады. Мұнда әр кезеңде не болатыны және кім не шешетіні қарапайым тілмен түсіндірілген.',
    ru: 'Аккредитация проходит в пять этапов. Здесь простыми словами сказано, что происходит на каждом этапе и кто что решает.',
    en: 'Accreditation has five stages. Here, in plain words, is what happens at each stage and who decides what.',
  },
  procedureStages: { kk: 'Бес кезең', ru: 'Пять этапов', en: 'The five stages' },
  procedureWho: { kk: 'Кім не шешеді', ru: 'Кто что решает', en: 'Who decides what' },
  procedureWhoCouncil: {
    kk: 'Аккредиттеу кеңесі ұйымды аккредиттеу немесе аккредиттеуден бас тарту туралы шешім қабылдайды.',
    ru: 'Аккредитационный совет принимает решение: аккредитовать организацию или отказать в аккредитации.',
    en: 'The Accreditation Council decides whether to accredit the organization or to refuse accreditation.',
  },
  procedureWhoDirector: {
    kk: 'Педагогикалық өлшеулер орталығының (CPM) директоры сарапшылар тобын бұйрықпен бекітеді.',
    ru: 'Директор Центра педагогических измерений (CPM) утверждает состав группы экспертов приказом.',
    en: 'The director of the Centre for Pedagogical Measurements (CPM) approves the expert team by order.',
  },
  procedureWhoCommission: {
    kk: 'Сараптау комиссиясы сыртқы бағалау есебін қарайды және оны Кеңеске ұсынады.',
    ru: 'Экспертная комиссия рассматривает отчёт внешней оценки и передаёт его Совету.',
    en: 'The Expert Commission reviews the external assessment report and passes it to the Council.',
  },
  procedureHowLong: { kk: 'Аккредиттеу қанша уақытқа беріледі', ru: 'На какой срок даётся аккредитация', en: 'How long an accreditation lasts' },
  procedureHowLongText: {
    kk: 'Әдетте аккредиттеу 5 жылға беріледі. Мерзімі шешімде және ұйымның бетінде көрсетіледі. Мерзім біткенге дейін ұйым қайта аккредиттеуден өтеді.',
    ru: 'Обычно аккредитация даётся на 5 лет. Срок указан в решении и на странице организации. До окончания срока организация проходит повторную аккредитацию.',
    en: 'An accreditation normally lasts 5 years. The dates are in the decision and on the organization’s page. Before it ends, the organization goes through re-accreditation.',
  },

  // Statistics
  statisticsTitle: { kk: 'Статистика', ru: 'Статистика', en: 'Statistics' },
  statisticsLead: {
    kk: 'Тізілімнің сандары диаграммалар мен кестелерде. Әр диаграммадан кейін оның деректер кестесі берілген.',
    ru: 'Цифры реестра в диаграммах и таблицах. После каждой диаграммы — таблица с её данными.',
    en: 'The register’s figures as charts and tables. Each chart is followed by a table of its data.',
  },
  chartByStatus: { kk: 'Ұйымдар мәртебесі бойынша', ru: 'Организации по статусу', en: 'Organizations by status' },
  chartByStatusDesc: {
    kk: 'Көлденең бағаналы диаграмма: әр мәртебедегі ұйымдар саны. Барлығы {total}.',
    ru: 'Горизонтальная столбчатая диаграмма: число организаций с каждым статусом. Всего {total}.',
    en: 'Horizontal bar chart: the number of organizations with each status. {total} in all.',
  },
  chartByRegion: { kk: 'Ұйымдар өңір және мәртебе бойынша', ru: 'Организации по регионам и статусам', en: 'Organizations by region and status' },
  chartByRegionDesc: {
    kk: 'Жинақталған көлденең бағаналы диаграмма: әр өңірдегі ұйымдар саны, мәртебелерге бөлінген. Әр бөлік белгісімен белгіленген.',
    ru: 'Горизонтальная диаграмма с накоплением: число организаций в каждом регионе, по статусам. Каждая часть помечена значком статуса.',
    en: 'Stacked horizontal bar chart: the number of organizations in each region, split by status. Each part is marked with its status symbol.',
  },
  chartByYear: { kk: 'Шешімдер жыл және нәтиже бойынша', ru: 'Решения по годам и итогам', en: 'Decisions by year and outcome' },
  chartByYearDesc: {
    kk: 'Жинақталған көлденең бағаналы диаграмма: әр жылғы күшіндегі жарияланған шешімдер, нәтижесі бойынша. Түзетілген шешімдер есептелмейді.',
    ru: 'Горизонтальная диаграмма с накоплением: действующие опубликованные решения каждого года по итогам. Заменённые исправлениями решения не учитываются.',
    en: 'Stacked horizontal bar chart: published decisions in force for each year, by outcome. Decisions replaced by a correction are not counted.',
  },
  chartLegend: { kk: 'Шартты белгілер', ru: 'Условные обозначения', en: 'Legend' },
  chartDataTable: { kk: 'Деректер: {title}', ru: 'Данные: {title}', en: 'Data: {title}' },
  colYear: { kk: 'Жыл', ru: 'Год', en: 'Year' },
  colCount: { kk: 'Саны', ru: 'Число', en: 'Number' },
  colTotal: { kk: 'Барлығы', ru: 'Всего', en: 'Total' },
  noData: { kk: 'Деректер жоқ.', ru: 'Данных нет.', en: 'No data.' },

  // Register filter (form on the register pages; /{lang}/register/filter on demand)
  filterFormTitle: { kk: 'Ұйымдарды табу', ru: 'Найти организации', en: 'Find organizations' },
  filterLegend: {
    kk: 'Тізімде нені көрсету керек',
    ru: 'Что показать в списке',
    en: 'What to show in the list',
  },
  filterKind: { kk: 'Ұйым түрі', ru: 'Тип организации', en: 'Kind of organization' },
  filterLevel: { kk: 'Білім деңгейі', ru: 'Уровень образования', en: 'Level of education' },
  filterLanguage: { kk: 'Оқыту тілі', ru: 'Язык обучения', en: 'Language of instruction' },
  filterSearch: { kk: 'Іздеу', ru: 'Поиск', en: 'Search' },
  filterSearchHint: {
    kk: 'Атауынан немесе елді мекеннен сөз, не БСН-нің басы. Міндетті емес.',
    ru: 'Слово из названия или населённого пункта, или начало БИН. Необязательно.',
    en: 'A word from the name or the city or town, or the start of the BIN. Optional.',
  },
  filterShow: { kk: 'Көрсету', ru: 'Показать', en: 'Show' },
  filterQuick: { kk: 'Дайын тізімдер', ru: 'Готовые списки', en: 'Ready-made lists' },
  filterResultsTitle: { kk: 'Тізілім: іріктеу', ru: 'Реестр: подборка', en: 'Register: your selection' },
  filterResults: { kk: 'Нәтижелер', ru: 'Результаты', en: 'Results' },
  filterApplied: { kk: 'Таңдалған сүзгілер', ru: 'Выбранные условия', en: 'Filters chosen' },
  filterNoneApplied: {
    kk: 'Сүзгі таңдалмаған: барлық ұйымдар көрсетілген.',
    ru: 'Условия не выбраны: показаны все организации.',
    en: 'No filter chosen: all organizations are shown.',
  },
  filterRemove: { kk: 'алып тастау', ru: 'убрать', en: 'remove' },
  filterClearAll: { kk: 'Барлық сүзгілерді алып тастау', ru: 'Сбросить все условия', en: 'Clear all filters' },
  filterFirstPage: { kk: 'Бірінші бет', ru: 'Первая страница', en: 'First page' },
  filterBadTitle: { kk: 'Мекенжайды тексеріңіз', ru: 'Проверьте адрес', en: 'Check the address' },
  filterBadValue: {
    kk: '«{param}» ({label}) параметрінің «{value}» мәні тізілімде жоқ. Төмендегі пішіннің тізімдерінен таңдаңыз.',
    ru: 'Значение «{value}» параметра «{param}» ({label}) реестру неизвестно. Выберите его из списков в форме ниже.',
    en: 'The value “{value}” of “{param}” ({label}) is not one the register knows. Choose from the lists in the form below.',
  },
  filterBadSearch: {
    kk: 'Іздеу мәтіні («q») тым ұзын: ең көбі {max} таңба.',
    ru: 'Текст поиска («q») слишком длинный: не больше {max} символов.',
    en: 'The search text (“q”) is too long: {max} characters at most.',
  },
  filterBadCursor: {
    kk: 'Беттің мекенжайы («{param}») жарамсыз. Бірінші беттен бастаңыз.',
    ru: 'Адрес страницы («{param}») недействителен. Начните с первой страницы.',
    en: 'The page address (“{param}”) is not valid. Start again from the first page.',
  },
  filterUnavailable: {
    kk: 'Тізілім қазір жауап бермей тұр, сондықтан іздеу жұмыс істемейді. Біраз уақыттан кейін қайталаңыз немесе төмендегі дайын тізімдерді ашыңыз.',
    ru: 'Реестр сейчас не отвечает, поэтому поиск не работает. Попробуйте немного позже или откройте готовые списки ниже.',
    en: 'The register is not answering right now, so searching does not work. Please try again in a few minutes, or open the ready-made lists below.',
  },
  // ---- Search: /{lang}/search/ (Pagefind, with JavaScript; without it the form goes to the register filter) ----
  navSearch: { kk: 'Іздеу', ru: 'Поиск', en: 'Search' },
  searchTitle: { kk: 'Тізілімнен іздеу', ru: 'Поиск по реестру', en: 'Search the register' },
  searchLead: {
    kk: 'Ұйымдардың беттерінен, жарияланған есептерден және стандарттардан іздеңіз.',
    ru: 'Ищите на страницах организаций, в опубликованных отчётах и в стандартах.',
    en: 'Search the pages of organizations, the published reports and the standards.',
  },
  searchLabel: { kk: 'Не іздейсіз', ru: 'Что искать', en: 'What are you looking for' },
  searchHint: {
    kk: 'Мысалы, мектептің атауы, қала немесе стандарттағы сөз.',
    ru: 'Например, название школы, город или слово из стандарта.',
    en: 'For example, the name of a school, a city or a word from a standard.',
  },
  searchButton: { kk: 'Іздеу', ru: 'Найти', en: 'Search' },
  searchNoScript: {
    kk: 'Есептер мен стандарттар бойынша толық мәтінді іздеуге JavaScript керек, ал ол браузеріңізде өшірулі. Онсыз бұл пішін тізілімдегі ұйымдарды атауы, қаласы немесе БСН бойынша іздейді.',
    ru: 'Для полнотекстового поиска по отчётам и стандартам нужен JavaScript, а в вашем браузере он выключен. Без него эта форма ищет организации реестра по названию, городу или БИН.',
    en: 'Full-text search of reports and standards needs JavaScript, which is off in your browser. Without it, this form searches the organizations in the register by name, city or BIN.',
  },
  searchBrowse: {
    kk: 'Тізілімді мәртебе немесе өңір бойынша да қарауға болады:',
    ru: 'Реестр можно также просматривать по статусу или по регионам:',
    en: 'You can also browse the register by status or by region:',
  },
  searchCount: { kk: 'Табылғаны: {n}', ru: 'Найдено: {n}', en: 'Results: {n}' },
  searchNone: {
    kk: '«{q}» бойынша ештеңе табылмады. Жазылуын тексеріңіз немесе басқа сөздерді қолданыңыз.',
    ru: 'По запросу «{q}» ничего не найдено. Проверьте написание или попробуйте другие слова.',
    en: 'Nothing found for “{q}”. Check the spelling or try other words.',
  },
  searchSearching: { kk: 'Ізделуде…', ru: 'Идёт поиск…', en: 'Searching…' },
  searchFailed: {
    kk: 'Іздеу жүктелмеді. Кейінірек қайталап көріңіз.',
    ru: 'Поиск не загрузился. Попробуйте позже.',
    en: 'The search could not be loaded. Please try again later.',
  },
  searchMore: { kk: 'Тағы көрсету', ru: 'Показать ещё', en: 'Show more results' },
  searchResultsHeading: { kk: 'Іздеу нәтижелері', ru: 'Результаты поиска', en: 'Search results' },
  searchTypeOrganization: { kk: 'Ұйым', ru: 'Организация', en: 'Organization' },
  searchTypeReport: { kk: 'Есеп', ru: 'Отчёт', en: 'Report' },
  searchTypeStandard: { kk: 'Стандарттар', ru: 'Стандарты', en: 'Standards' },
  // Statistics charts drawn with Vega-Lite (axis titles and the decisions-by-region chart)
  chartAxisDecisions: { kk: 'Шешімдер', ru: 'Решения', en: 'Decisions' },
  chartDecisionsByRegion: { kk: 'Шешімдер өңір және нәтиже бойынша', ru: 'Решения по регионам и итогам', en: 'Decisions by region and outcome' },
  chartDecisionsByRegionDesc: {
    kk: 'Жинақталған көлденең бағаналы диаграмма: әр өңірдегі ұйымдар туралы күшіндегі жарияланған шешімдер, нәтижесі бойынша. Шешімі жоқ өңірлер көрсетілмейді.',
    ru: 'Горизонтальная диаграмма с накоплением: действующие опубликованные решения об организациях каждого региона, по итогам. Регионы без решений не показаны.',
    en: 'Stacked horizontal bar chart: published decisions in force about the organizations of each region, by outcome. Regions without decisions are not shown.',
  },
  // ---- Seminars and guidance (/{lang}/support/): events and methodological materials ----
  navSupport: { kk: 'Семинарлар', ru: 'Семинары', en: 'Seminars' },
  supportTitle: {
    kk: 'Семинарлар мен әдістемелік материалдар',
    ru: 'Семинары и методические материалы',
    en: 'Seminars and guidance',
  },
  supportLead: {
    kk: 'Аккредиттеуге дайындалатын мектептер мен колледждерге және сарапшыларға арналған семинарлар, тренингтер, кеңестер және әдістемелік материалдар. Уақыты Алматы уақытымен көрсетілген.',
    ru: 'Семинары, тренинги, консультации и методические материалы для школ и колледжей, которые готовятся к аккредитации, и для экспертов. Время указано по Алматы.',
    en: 'Seminars, trainings, consultations and guidance for schools and colleges preparing for accreditation, and for experts. Times are Almaty time.',
  },
  supportDemoNote: {
    kk: 'Бұл беттегі іс-шаралар мен материалдар — демонстрациялық деректер. Олар нақты іс-шаралар емес.',
    ru: 'Мероприятия и материалы на этой странице — демонстрационные данные. Это не настоящие мероприятия.',
    en: 'The events and materials on this page are demonstration data. They are not real events.',
  },
  upcomingEventsTitle: { kk: 'Алдағы іс-шаралар', ru: 'Ближайшие мероприятия', en: 'Upcoming events' },
  noUpcomingEvents: {
    kk: 'Қазір жоспарланған іс-шара жоқ.',
    ru: 'Сейчас нет запланированных мероприятий.',
    en: 'There are no events planned at the moment.',
  },
  eventCancelled: { kk: 'Тоқтатылды: бұл іс-шара болмайды', ru: 'Отменено: мероприятие не состоится', en: 'Cancelled: this event will not take place' },
  eventWhen: { kk: 'Уақыты', ru: 'Когда', en: 'When' },
  eventFormat: { kk: 'Өткізу түрі', ru: 'Формат', en: 'Format' },
  eventPlace: { kk: 'Орны', ru: 'Место', en: 'Place' },
  eventOnline: { kk: 'Онлайн қосылу', ru: 'Подключение онлайн', en: 'Join online' },
  eventOnlineLink: { kk: 'Қосылу сілтемесі', ru: 'Ссылка для подключения', en: 'Link to join' },
  eventLanguages: { kk: 'Тілі', ru: 'Язык', en: 'Language' },
  eventAudience: { kk: 'Кімге арналған', ru: 'Для кого', en: 'For' },
  eventRegister: { kk: 'Тіркелу', ru: 'Зарегистрироваться', en: 'Register' },
  eventRegisterTitle: { kk: 'Тіркелу: {title}', ru: 'Зарегистрироваться: {title}', en: 'Register for {title}' },
  eventNoRegistration: { kk: 'Алдын ала тіркелу қажет емес.', ru: 'Предварительная регистрация не нужна.', en: 'You do not need to register.' },
  materialsTitle: { kk: 'Әдістемелік материалдар', ru: 'Методические материалы', en: 'Guidance and materials' },
  noMaterials: { kk: 'Әзірге материал жоқ.', ru: 'Материалов пока нет.', en: 'There are no materials yet.' },
  materialKind: { kk: 'Түрі', ru: 'Вид', en: 'Type' },
  materialLanguage: { kk: 'Құжат тілі', ru: 'Язык документа', en: 'Language of the document' },
  materialFramework: { kk: 'Стандарттар нұсқасы', ru: 'Версия стандартов', en: 'Standards version' },
  materialOpen: { kk: 'Ашу', ru: 'Открыть', en: 'Open' },
  materialOpenTitle: { kk: 'Ашу: {title}', ru: 'Открыть: {title}', en: 'Open {title}' },
  materialNoLink: { kk: 'Файл әлі жүктелмеген.', ru: 'Файл ещё не загружен.', en: 'The file is not available yet.' },
  // Versions of the standards and what changed between them (/standards/<version>/, /standards/<version>/changes/)
  frameworkVersionsTitle: { kk: 'Стандарттардың барлық нұсқалары', ru: 'Все версии стандартов', en: 'All versions of the standards' },
  frameworkVersionsLead: {
    kk: 'Стандарттар ұйымдар мен сарапшылардың пікірі бойынша қайта қаралады. Әр нұсқа жарияланып тұрады: іс басталған кезде күшінде болған нұсқа бойынша бағаланады.',
    ru: 'Стандарты пересматриваются по отзывам организаций и экспертов. Каждая версия остаётся опубликованной: дело оценивается по версии, которая действовала, когда оно началось.',
    en: 'The standards are revised from the feedback of organizations and experts. Every version stays published: a case is judged against the version in force when it started.',
  },
  frameworkVersionsCaption: {
    kk: 'Стандарттар нұсқалары, ең жаңасы басында',
    ru: 'Версии стандартов, сначала самая новая',
    en: 'Versions of the standards, newest first',
  },
  colFrameworkVersion: { kk: 'Нұсқа', ru: 'Версия', en: 'Version' },
  colFrameworkStatus: { kk: 'Мәртебесі', ru: 'Статус', en: 'Status' },
  colFrameworkDates: { kk: 'Жаңа істерге қолданылады', ru: 'Применяется к новым делам', en: 'Applies to new cases' },
  colFrameworkChanges: { kk: 'Өзгерістер', ru: 'Изменения', en: 'Changes' },
  frameworkStatusActive: { kk: 'Күшінде', ru: 'Действует', en: 'In force' },
  frameworkStatusRetired: { kk: 'Күшін жойған', ru: 'Утратила силу', en: 'No longer in force' },
  frameworkStatusDraft: { kk: 'Жоба', ru: 'Проект', en: 'Draft' },
  frameworkStatusLine: { kk: 'Мәртебесі: {status}', ru: 'Статус: {status}', en: 'Status: {status}' },
  datesFromTo: { kk: '{from} – {to}', ru: 'с {from} по {to}', en: '{from} to {to}' },
  datesFrom: { kk: '{from} бастап', ru: 'с {from}', en: 'from {from}' },
  appliedFromTo: {
    kk: 'Жаңа істерге {from} – {to} аралығында қолданылды',
    ru: 'Применялась к новым делам с {from} по {to}',
    en: 'Applied to new cases from {from} to {to}',
  },
  frameworkVersionTitle: { kk: 'Аккредиттеу стандарттары, {n}-нұсқа', ru: 'Стандарты аккредитации, версия {n}', en: 'Accreditation standards, version {n}' },
  retiredNote: {
    kk: 'Бұл нұсқа енді күшінде емес: жаңа істер оның бойынша бағаланбайды. Ол бойынша басталған істер әлі де осы нұсқа бойынша бағаланады.',
    ru: 'Эта версия больше не действует: новые дела по ней не оцениваются. Дела, начатые по ней, по-прежнему оцениваются по этой версии.',
    en: 'This version is no longer in force: new cases are not judged against it. Cases that started under it are still judged against it.',
  },
  versionInline: { kk: '{n}-нұсқа', ru: 'версия {n}', en: 'version {n}' },
  retiredNoteLink: { kk: 'Күшіндегі нұсқа: {link}.', ru: 'Действующая версия: {link}.', en: 'The version in force is {link}.' },
  linkChanges: { kk: '{n}-нұсқада не өзгерді', ru: 'Что изменилось в версии {n}', en: 'What changed in version {n}' },
  firstVersion: { kk: 'Алғашқы нұсқа', ru: 'Первая версия', en: 'First version' },
  changesTitle: { kk: '{n}-нұсқада не өзгерді', ru: 'Что изменилось в версии {n}', en: 'What changed in version {n}' },
  changesLead: {
    kk: '{n}-нұсқа {link} салыстырылды. Өлшемшарттың нөмірі өзгерсе немесе ол басқа стандартқа көшірілсе де, ол бір өлшемшарт ретінде танылады.',
    ru: 'Версия {n} сравнивается с {link}. Критерий узнаётся, даже если у него новый номер или он перенесён в другой стандарт.',
    en: 'Version {n} compared with {link}. A criterion is recognised even when it has a new number or has moved to another standard.',
  },
  changesLeadLink: { kk: '{n}-нұсқамен', ru: 'версией {n}', en: 'version {n}' },
  changesInBrief: { kk: 'Қысқаша', ru: 'Коротко', en: 'In brief' },
  countCriteriaAdded: { kk: 'Жаңа өлшемшарттар: {n}', ru: 'Новых критериев: {n}', en: 'New criteria: {n}' },
  countCriteriaRemoved: { kk: 'Алынып тасталған өлшемшарттар: {n}', ru: 'Исключённых критериев: {n}', en: 'Removed criteria: {n}' },
  countCriteriaChanged: { kk: 'Өзгертілген өлшемшарттар: {n}', ru: 'Изменённых критериев: {n}', en: 'Changed criteria: {n}' },
  countCriteriaUnchanged: { kk: 'Өзгермеген өлшемшарттар: {n}', ru: 'Неизменённых критериев: {n}', en: 'Unchanged criteria: {n}' },
  standardsAddedTitle: { kk: 'Жаңа стандарттар', ru: 'Новые стандарты', en: 'New standards' },
  standardsRemovedTitle: { kk: 'Алынып тасталған стандарттар', ru: 'Исключённые стандарты', en: 'Removed standards' },
  standardsChangedTitle: { kk: 'Өзгертілген стандарттар', ru: 'Изменённые стандарты', en: 'Changed standards' },
  criteriaAddedTitle: { kk: 'Жаңа өлшемшарттар', ru: 'Новые критерии', en: 'New criteria' },
  criteriaRemovedTitle: { kk: 'Алынып тасталған өлшемшарттар', ru: 'Исключённые критерии', en: 'Removed criteria' },
  criteriaChangedTitle: { kk: 'Өзгертілген өлшемшарттар', ru: 'Изменённые критерии', en: 'Changed criteria' },
  criteriaAddedCaption: {
    kk: '{n}-нұсқада қосылған өлшемшарттар',
    ru: 'Критерии, добавленные в версии {n}',
    en: 'Criteria added in version {n}',
  },
  criteriaRemovedCaption: {
    kk: '{n}-нұсқада алынып тасталған өлшемшарттар және олардың бұрынғы мәтіні',
    ru: 'Критерии, исключённые в версии {n}, с их прежней формулировкой',
    en: 'Criteria removed in version {n}, with their former wording',
  },
  criteriaChangedCaption: {
    kk: '{n}-нұсқада өзгертілген өлшемшарттар: {previous}-нұсқадағы және {n}-нұсқадағы мәтіні қатар',
    ru: 'Критерии, изменённые в версии {n}: формулировка в версии {previous} и в версии {n} рядом',
    en: 'Criteria changed in version {n}: the wording in version {previous} and in version {n}, side by side',
  },
  standardsChangedCaption: {
    kk: '{n}-нұсқада өзгертілген стандарттар: бұрынғы және жаңа атауы',
    ru: 'Стандарты, изменённые в версии {n}: прежнее и новое название',
    en: 'Standards changed in version {n}: the former and the new title',
  },
  colCriterion: { kk: 'Өлшемшарт', ru: 'Критерий', en: 'Criterion' },
  colStandard: { kk: 'Стандарт', ru: 'Стандарт', en: 'Standard' },
  colWording: { kk: 'Мәтіні', ru: 'Формулировка', en: 'Wording' },
  colWhatChanged: { kk: 'Не өзгерді', ru: 'Что изменилось', en: 'What changed' },
  colInVersion: { kk: '{n}-нұсқада', ru: 'В версии {n}', en: 'In version {n}' },
  changeReworded: { kk: 'Мәтіні өзгертілді.', ru: 'Изменена формулировка.', en: 'Reworded.' },
  changeRewordedElsewhere: {
    kk: 'Мәтіні тек {languages} өзгертілді; сіздің тіліңіздегі мәтін сол күйі қалды.',
    ru: 'Формулировка изменена только на {languages}; текст на вашем языке не изменился.',
    en: 'Reworded in {languages} only; the text in your language is the same.',
  },
  changeRenumbered: { kk: 'Нөмірі өзгерді: {from} орнына {to}.', ru: 'Новый номер: был {from}, стал {to}.', en: 'Renumbered from {from} to {to}.' },
  changeMoved: {
    kk: '{from} стандартынан {to} стандартына көшірілді.',
    ru: 'Перенесён из стандарта {from} в стандарт {to}.',
    en: 'Moved from standard {from} to standard {to}.',
  },
  changeTitle: { kk: 'Атауы өзгертілді.', ru: 'Изменено название.', en: 'Retitled.' },
  changeDescription: { kk: 'Сипаттамасы өзгертілді.', ru: 'Изменено описание.', en: 'Description changed.' },
  changeCode: { kk: 'Коды өзгерді: {from} орнына {to}.', ru: 'Новый код: был {from}, стал {to}.', en: 'Code changed from {from} to {to}.' },
  nothingChanged: { kk: 'Өзгеріс жоқ.', ru: 'Изменений нет.', en: 'No changes.' },

  // ---- Words that were written in the pages themselves: the feed's title, the trilingual pages' labels ----
  feedName: {
    kk: 'Аккредиттеу туралы жарияланған шешімдер мен есептер',
    ru: 'Опубликованные решения и отчёты об аккредитации',
    en: 'Published accreditation decisions and reports',
  },
  /** Marks a demonstration entry in the feed, where there is no badge: "[demo]". */
  demoMark: { kk: 'демо', ru: 'демо', en: 'demo' },
} satisfies Record<string, Strings>;

/** The five stages of the procedure, in plain language: a title and what happens. */
export const PROCEDURE_STAGES: { title: Strings; text: Strings }[] = [
  {
    title: { kk: 'Дайындық', ru: 'Подготовка', en: 'Preparation' },
    text: {
      kk: 'Ұйым өтінім береді, стандарттармен танысады және жауапты адамдарды тағайындайды.',
      ru: 'Организация подаёт заявку, знакомится со стандартами и назначает ответственных.',
      en: 'The organization applies, studies the standards and names the people responsible.',
    },
  },
  {
    title: { kk: 'Өзін-өзі бағалау', ru: 'Самооценка', en: 'Self-assessment' },
    text: {
      kk: 'Ұйым өз жұмысын әр стандарт бойынша бағалап, өзін-өзі бағалау есебін жазады.',
      ru: 'Организация оценивает свою работу по каждому стандарту и пишет отчёт о самооценке.',
      en: 'The organization assesses its own work against each standard and writes a self-assessment report.',
    },
  },
  {
    title: { kk: 'Алдын ала бағалау', ru: 'Предварительная оценка', en: 'Preliminary assessment' },
    text: {
      kk: 'Сарапшылар есепті оқиды және ұйымға 3–5 жұмыс күніне барады. Олар не жақсартуға болатынын айтады.',
      ru: 'Эксперты читают отчёт и посещают организацию на 3–5 рабочих дней. Они говорят, что можно улучшить.',
      en: 'Experts read the report and visit the organization for 3–5 working days. They say what can be improved.',
    },
  },
  {
    title: { kk: 'Сыртқы бағалау', ru: 'Внешняя оценка', en: 'External assessment' },
    text: {
      kk: 'Сарапшылар тобы ұйымға 5–7 жұмыс күніне барады және қорытынды есеп жазады. Аккредиттеу кеңесі есеп негізінде шешім қабылдайды.',
      ru: 'Группа экспертов посещает организацию на 5–7 рабочих дней и пишет итоговый отчёт. Аккредитационный совет принимает решение на основе отчёта.',
      en: 'The expert team visits the organization for 5–7 working days and writes the final report. The Accreditation Council takes its decision on the basis of the report.',
    },
  },
  {
    title: { kk: 'Аккредиттеуден кейін', ru: 'После аккредитации', en: 'Post-accreditation' },
    text: {
      kk: 'Ұйым даму жоспарын орындайды, 3 жылдан кейін аралық есеп тапсырады, ал мерзім соңында қайта аккредиттеуден өтеді.',
      ru: 'Организация выполняет план развития, через 3 года сдаёт промежуточный отчёт, а в конце срока проходит повторную аккредитацию.',
      en: 'The organization carries out its development plan, submits an interim report after 3 years, and goes through re-accreditation at the end of the term.',
    },
  },
];

export type UiKey = keyof typeof ui;

/** A UI string in the given language, with {placeholders} filled in. */
export function t(lang: Lang, key: UiKey, values: Record<string, string | number> = {}): string {
  return ui[key][lang].replace(/\{(\w+)\}/g, (match, name: string) =>
    name in values ? String(values[name]) : match,
  );
}

/** The same, split around one placeholder so markup (e.g. a link) can go in its place; other placeholders are filled from `values`. */
export function tParts(lang: Lang, key: UiKey, placeholder: string, values: Record<string, string | number> = {}): [string, string] {
  const text = t(lang, key, values);
  const marker = `{${placeholder}}`;
  const at = text.indexOf(marker);
  if (at < 0) return [text, ''];
  return [text.slice(0, at), text.slice(at + marker.length)];
}

/** A language named so it fits "shown in …" / "published in …" in the UI language. */
const LANGUAGE_IN: Record<Lang, Record<Lang, string>> = {
  kk: { kk: 'қазақ тілінде', ru: 'орыс тілінде', en: 'ағылшын тілінде' },
  ru: { kk: 'казахском языке', ru: 'русском языке', en: 'английском языке' },
  en: { kk: 'Kazakh', ru: 'Russian', en: 'English' },
};

export function languageIn(lang: Lang, language: Lang): string {
  return LANGUAGE_IN[lang][language];
}

/** The short form for a compact fallback note in lists: "(орысша)", "(на русском)", "(in Russian)". */
const LANGUAGE_SHORT: Record<Lang, Record<Lang, string>> = {
  kk: { kk: 'қазақша', ru: 'орысша', en: 'ағылшынша' },
  ru: { kk: 'казахском', ru: 'русском', en: 'английском' },
  en: { kk: 'Kazakh', ru: 'Russian', en: 'English' },
};

export function languageShort(lang: Lang, language: Lang): string {
  return LANGUAGE_SHORT[lang][language];
}

/** A language as a plain name (languages of instruction, language of a report). */
const LANGUAGE_NAMES: Record<Lang, Record<Lang, string>> = {
  kk: { kk: 'қазақ тілі', ru: 'орыс тілі', en: 'ағылшын тілі' },
  ru: { kk: 'казахский', ru: 'русский', en: 'английский' },
  en: { kk: 'Kazakh', ru: 'Russian', en: 'English' },
};

export function languageName(lang: Lang, language: Language | Lang): string {
  return LANGUAGE_NAMES[lang][language.toLowerCase() as Lang];
}

export const STATUS_LABELS: Record<AccreditationStatus, Strings> = {
  ACCREDITED: { kk: 'Аккредиттелген', ru: 'Аккредитована', en: 'Accredited' },
  IN_PROGRESS: { kk: 'Аккредиттеу жүріп жатыр', ru: 'Идёт аккредитация', en: 'Accreditation in progress' },
  EXPIRED: { kk: 'Аккредиттеу мерзімі өтті', ru: 'Срок аккредитации истёк', en: 'Accreditation expired' },
  REFUSED: { kk: 'Аккредиттеуден бас тартылды', ru: 'В аккредитации отказано', en: 'Accreditation refused' },
  NOT_ACCREDITED: { kk: 'Аккредиттелмеген', ru: 'Не аккредитована', en: 'Not accredited' },
};

/** What each status means, in a sentence. */
export const STATUS_HELP: Record<AccreditationStatus, Strings> = {
  ACCREDITED: {
    kk: 'Аккредиттеу кеңесі ұйымды аккредиттеді және шешім бүгін күшінде.',
    ru: 'Аккредитационный совет аккредитовал организацию, и решение действует сегодня.',
    en: 'The Accreditation Council accredited the organization and the decision is valid today.',
  },
  IN_PROGRESS: {
    kk: 'Аккредиттеу рәсімі жүріп жатыр; бүгін күшіндегі аккредиттеу жоқ.',
    ru: 'Идёт процедура аккредитации; действующей сегодня аккредитации нет.',
    en: 'An accreditation procedure is under way; no accreditation is valid today.',
  },
  EXPIRED: {
    kk: 'Соңғы аккредиттеудің мерзімі өтті, жаңа рәсім басталған жоқ.',
    ru: 'Срок последней аккредитации истёк, новая процедура не начата.',
    en: 'The latest accreditation has ended and no new procedure is under way.',
  },
  REFUSED: {
    kk: 'Соңғы жарияланған шешім бойынша аккредиттеуден бас тартылды.',
    ru: 'По последнему опубликованному решению в аккредитации отказано.',
    en: 'The latest published decision refused accreditation.',
  },
  NOT_ACCREDITED: {
    kk: 'Жарияланған шешім жоқ және аккредиттеу рәсімі жүріп жатқан жоқ.',
    ru: 'Опубликованных решений нет, и процедура аккредитации не идёт.',
    en: 'There is no published decision and no procedure under way.',
  },
};

export const OUTCOME_LABELS: Record<DecisionOutcome, Strings> = {
  ACCREDITED: { kk: 'Аккредиттелді', ru: 'Аккредитована', en: 'Accredited' },
  REFUSED: { kk: 'Аккредиттеуден бас тартылды', ru: 'В аккредитации отказано', en: 'Accreditation refused' },
};

/** The symbol shown with each status and outcome label (badges, charts), so colour is never the only cue. */
export const STATUS_SYMBOLS: Record<AccreditationStatus, string> = {
  ACCREDITED: '✓',
  IN_PROGRESS: '…',
  EXPIRED: '!',
  REFUSED: '✕',
  NOT_ACCREDITED: '–',
};
export const OUTCOME_SYMBOLS: Record<DecisionOutcome, string> = { ACCREDITED: '✓', REFUSED: '✕' };

export const KIND_LABELS: Record<OrganizationKind, Strings> = {
  SCHOOL: { kk: 'Мектеп', ru: 'Школа', en: 'School' },
  COLLEGE: { kk: 'Колледж', ru: 'Колледж', en: 'College' },
  HIGHER_COLLEGE: { kk: 'Жоғары колледж', ru: 'Высший колледж', en: 'Higher college' },
};

export const LEVEL_LABELS: Record<EducationLevel, Strings> = {
  SECONDARY: { kk: 'Орта білім', ru: 'Среднее образование', en: 'Secondary education' },
  TECHNICAL_VOCATIONAL: {
    kk: 'Техникалық және кәсіптік білім',
    ru: 'Техническое и профессиональное образование',
    en: 'Technical and vocational education',
  },
  POST_SECONDARY: { kk: 'Орта білімнен кейінгі білім', ru: 'Послесреднее образование', en: 'Post-secondary education' },
};

export const PROGRAMME_LABELS: Record<ProgrammeType, Strings> = {
  INTERNATIONAL: {
    kk: 'Халықаралық білім беру бағдарламалары',
    ru: 'Международные образовательные программы',
    en: 'International educational programmes',
  },
  SPECIALISED_GIFTED: {
    kk: 'Мамандандырылған мектеп (соның ішінде дарынды балаларға арналған)',
    ru: 'Специализированная школа (в том числе для одарённых детей)',
    en: 'Specialised school (including for gifted children)',
  },
  STATE_STANDARD: {
    kk: 'Мемлекеттік жалпыға міндетті білім беру стандарты',
    ru: 'Государственный общеобязательный стандарт образования',
    en: 'State compulsory education standard',
  },
};

export const REPORT_KIND_LABELS: Record<ReportKind, Strings> = {
  SELF_ASSESSMENT: { kk: 'Өзін-өзі бағалау есебі', ru: 'Отчёт о самооценке', en: 'Self-assessment report' },
  PRELIMINARY: { kk: 'Алдын ала бағалау есебі', ru: 'Отчёт о предварительной оценке', en: 'Preliminary assessment report' },
  EXTERNAL_FINAL: {
    kk: 'Сыртқы бағалаудың қорытынды есебі',
    ru: 'Итоговый отчёт внешней оценки',
    en: 'Final external assessment report',
  },
  INTERIM: { kk: 'Аралық өзін-өзі бағалау есебі', ru: 'Промежуточный отчёт о самооценке', en: 'Interim self-assessment report' },
};

export const REGION_KIND_LABELS: Record<RegionKind, Strings> = {
  OBLAST: { kk: 'облыс', ru: 'область', en: 'region' },
  CITY: { kk: 'республикалық маңызы бар қала', ru: 'город республиканского значения', en: 'city of republican significance' },
};

/** Picks the visitor's language from a LocalizedText (`in(language:)`, which falls back when missing). */
export function pick(text: Localized, lang: Lang): LocalizedString | null {
  return lang === 'kk' ? text.inKk : lang === 'ru' ? text.inRu : text.inEn;
}

/** The plain text in the visitor's language (or its fallback), for titles and sorting. */
export function plain(text: Localized, lang: Lang): string {
  return pick(text, lang)?.text ?? '';
}

/** Names of the subject area codes experts are certified in; an unknown code is shown as it is. */
export const SUBJECT_LABELS: Record<string, Strings> = {
  mathematics: { kk: 'Математика', ru: 'Математика', en: 'Mathematics' },
  physics: { kk: 'Физика', ru: 'Физика', en: 'Physics' },
  chemistry: { kk: 'Химия', ru: 'Химия', en: 'Chemistry' },
  biology: { kk: 'Биология', ru: 'Биология', en: 'Biology' },
  'computer-science': { kk: 'Информатика', ru: 'Информатика', en: 'Computer science' },
  'kazakh-language': { kk: 'Қазақ тілі мен әдебиеті', ru: 'Казахский язык и литература', en: 'Kazakh language and literature' },
  'russian-language': { kk: 'Орыс тілі мен әдебиеті', ru: 'Русский язык и литература', en: 'Russian language and literature' },
  'english-language': { kk: 'Ағылшын тілі', ru: 'Английский язык', en: 'English language' },
  history: { kk: 'Тарих', ru: 'История', en: 'History' },
  geography: { kk: 'География', ru: 'География', en: 'Geography' },
  governance: { kk: 'Білім беру ұйымын басқару', ru: 'Управление организацией образования', en: 'School governance' },
  'inclusive-education': { kk: 'Инклюзивті білім беру', ru: 'Инклюзивное образование', en: 'Inclusive education' },
  'vocational-training': { kk: 'Кәсіптік оқыту', ru: 'Профессиональное обучение', en: 'Vocational training' },
  assessment: { kk: 'Оқу жетістіктерін бағалау', ru: 'Оценивание учебных достижений', en: 'Assessment of learning' },
};

export function subjectLabel(code: string, lang: Lang): string {
  return Object.hasOwn(SUBJECT_LABELS, code) ? (SUBJECT_LABELS[code]?.[lang] ?? code) : code.replace(/-/g, ' ');
}

// ---- Seminars and guidance: labels of the support API's enums ----
export const SUPPORT_EVENT_KIND_LABELS: Record<SupportEventKind, Strings> = {
  SEMINAR: { kk: 'Семинар', ru: 'Семинар', en: 'Seminar' },
  TRAINING: { kk: 'Тренинг', ru: 'Тренинг', en: 'Training' },
  CONSULTATION: { kk: 'Кеңес', ru: 'Консультация', en: 'Consultation' },
  WEBINAR: { kk: 'Вебинар', ru: 'Вебинар', en: 'Webinar' },
};

export const EVENT_FORMAT_LABELS: Record<EventFormat, Strings> = {
  IN_PERSON: { kk: 'Күндізгі (өзі келу)', ru: 'Очно', en: 'In person' },
  ONLINE: { kk: 'Онлайн', ru: 'Онлайн', en: 'Online' },
  HYBRID: { kk: 'Аралас: күндізгі және онлайн', ru: 'Смешанный: очно и онлайн', en: 'Hybrid: in person and online' },
};

export const SUPPORT_AUDIENCE_LABELS: Record<SupportAudience, Strings> = {
  SCHOOLS: { kk: 'Мектептер', ru: 'Школы', en: 'Schools' },
  COLLEGES: { kk: 'Колледждер', ru: 'Колледжи', en: 'Colleges' },
  EXPERTS: { kk: 'Сарапшылар', ru: 'Эксперты', en: 'Experts' },
  ALL: { kk: 'Барлығы: мектептер, колледждер, сарапшылар', ru: 'Все: школы, колледжи, эксперты', en: 'Everyone: schools, colleges and experts' },
};

export const MATERIAL_KIND_LABELS: Record<MaterialKind, Strings> = {
  GUIDE: { kk: 'Нұсқаулық', ru: 'Руководство', en: 'Guide' },
  RECOMMENDATION: { kk: 'Әдістемелік ұсынымдар', ru: 'Методические рекомендации', en: 'Recommendations' },
  TEMPLATE: { kk: 'Үлгі', ru: 'Шаблон', en: 'Template' },
  PRESENTATION: { kk: 'Презентация', ru: 'Презентация', en: 'Presentation' },
  CHECKLIST: { kk: 'Тексеру парағы', ru: 'Чек-лист', en: 'Checklist' },
  VIDEO: { kk: 'Бейнежазба', ru: 'Видеозапись', en: 'Video' },
  LEGAL_ACT: { kk: 'Нормативтік құқықтық акт', ru: 'Нормативный правовой акт', en: 'Law or regulation' },
};
/** The status of a version of the standards, in words. */
export function frameworkStatusLabel(status: FrameworkStatus, lang: Lang): string {
  const key = ({ ACTIVE: 'frameworkStatusActive', RETIRED: 'frameworkStatusRetired', DRAFT: 'frameworkStatusDraft' } as const)[status];
  return t(lang, key);
}
