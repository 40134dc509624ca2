// The console's words in both languages. Each section module registers its own words next to its
// code (registerText), so a section and its text change together; this file holds the shared ones
// and the language choice (remembered in localStorage, Chinese first).

const LANGUAGES = ['zh-CN', 'en'];
const STORAGE_KEY = 'govtrace.console.lang';
const dictionaries = { 'zh-CN': {}, en: {} };

/** Adds words: `{ 'zh-CN': { key: '…' }, en: { key: '…' } }`; a key is defined once. */
export function registerText(words) {
  for (const language of LANGUAGES) Object.assign(dictionaries[language], words[language]);
}

export function language() {
  const stored = globalThis.localStorage?.getItem(STORAGE_KEY);
  return LANGUAGES.includes(stored) ? stored : 'zh-CN';
}

export function setLanguage(next) {
  globalThis.localStorage?.setItem(STORAGE_KEY, next);
  document.documentElement.lang = next;
}

export function otherLanguage() {
  return language() === 'zh-CN' ? 'en' : 'zh-CN';
}

/** The word for `key` in the current language; `{name}` placeholders filled from `values`. */
export function t(key, values = {}) {
  const word = dictionaries[language()][key] ?? dictionaries['zh-CN'][key] ?? key;
  return word.replace(/\{(\w+)\}/g, (whole, name) => (name in values ? String(values[name]) : whole));
}

registerText({
  'zh-CN': {
    brand: '政务区块链 · 工作台',
    title: '政务区块链 · 工作台',
    switchTo: 'English',
    signOut: '退出',
    signInTitle: '登录工作台',
    signInIntro: '请使用管理员发放的 API 令牌登录，或输入用户名并以令牌作为密码。',
    signInWithToken: '使用令牌',
    signInWithPassword: '用户名和密码',
    token: 'API 令牌',
    user: '用户名',
    password: '密码（API 令牌）',
    signIn: '登录',
    signInFailed: '用户名、密码或令牌不正确，或账号已被停用。',
    sessionEnded: '会话已结束，请重新登录。',
    home: '首页',
    homeIntro: '选择今天要办理的业务。',
    notFound: '没有这个页面。',
    forbidden: '您的角色不能使用此功能。',
    submit: '提交',
    search: '查询',
    saving: '正在提交到区块链……',
    loading: '正在加载……',
    failed: '操作失败',
    committed: '已上链：交易 {txId}，区块 {blockNumber}',
    required: '必填',
    addRow: '添加一行',
    removeRow: '删除',
    noRows: '没有符合条件的记录。',
    previous: '上一页',
    next: '下一页',
    pageOf: '第 {page} 页，共 {pages} 页（{total} 条）',
    downloadCsv: '下载 CSV',
    print: '打印',
    unavailable: '区块链网络暂时不可用，请稍后重试。',
    networkError: '无法连接到服务器。',
    'role.registry_clerk': '不动产登记员',
    'role.tax_officer': '税务专管员',
    'role.market_clerk': '市场监管窗口人员',
    'role.urban_inspector': '城管督查员',
    'role.station_operator': '回收站操作员',
    'role.hauler': '收运司机',
    'role.facility_operator': '处理设施操作员',
  },
  en: {
    brand: 'Government blockchain · Staff console',
    title: 'Government blockchain · Staff console',
    switchTo: '中文',
    signOut: 'Sign out',
    signInTitle: 'Sign in to the console',
    signInIntro:
      'Sign in with the API token you were given, or with your user name and the token as password.',
    signInWithToken: 'With a token',
    signInWithPassword: 'User name and password',
    token: 'API token',
    user: 'User name',
    password: 'Password (API token)',
    signIn: 'Sign in',
    signInFailed: 'Wrong user name, password or token, or the account was disabled.',
    sessionEnded: 'Your session has ended; please sign in again.',
    home: 'Home',
    homeIntro: "Choose today's work.",
    notFound: 'There is no such page.',
    forbidden: 'Your role cannot use this.',
    submit: 'Submit',
    search: 'Search',
    saving: 'Submitting to the ledger…',
    loading: 'Loading…',
    failed: 'It did not work',
    committed: 'On the ledger: transaction {txId}, block {blockNumber}',
    required: 'required',
    addRow: 'Add a row',
    removeRow: 'Remove',
    noRows: 'Nothing matches.',
    previous: 'Previous',
    next: 'Next',
    pageOf: 'Page {page} of {pages} ({total} rows)',
    downloadCsv: 'Download CSV',
    print: 'Print',
    unavailable: 'The ledger network is unavailable right now; try again shortly.',
    networkError: 'The server cannot be reached.',
    'role.registry_clerk': 'Registry clerk',
    'role.tax_officer': 'Tax officer',
    'role.market_clerk': 'Market clerk',
    'role.urban_inspector': 'Urban inspector',
    'role.station_operator': 'Station operator',
    'role.hauler': 'Hauler',
    'role.facility_operator': 'Facility operator',
  },
});
