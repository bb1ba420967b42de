/**
 * Every address in the app: the patterns the router matches (`ROUTES`) and the links to them
 * (`paths`). A screen never spells an address out, so moving one is a change in one place.
 */
export const ROUTES = {
  home: '/',
  quizStart: '/quiz',
  quizPlay: '/quiz/play',
  review: '/review',
  progress: '/progress',
  sources: '/sources',
  source: '/sources/:sourceId/:passageId?',
  classroom: '/classroom',
  assignmentBuilder: '/classroom/new',
  assignment: '/classroom/assignment',
  classReport: '/classroom/report',
  print: '/classroom/print',
  projector: '/classroom/projector',
  studentStart: '/a',
  teacherSignIn: '/teacher/sign-in',
  teacherSignUp: '/teacher/sign-up',
  teacher: '/teacher',
  teacherAccount: '/teacher/account',
  teacherDisputes: '/teacher/disputes',
  serverAssignmentBuilder: '/teacher/assignments/new',
  serverAssignment: '/teacher/assignments/:assignmentId',
  serverReport: '/teacher/assignments/:assignmentId/report',
  serverStudent: '/s/:assignmentId',
  liveJoin: '/live',
  liveHost: '/teacher/live/:sessionId',
  /** The one-time link `npm run admin` prints; its token is in the hash, never sent to a server. */
  setPassword: '/account/set-password',
  export: '/export',
  import: '/import',
} as const;

// Assignment codes travel in the hash, which never reaches a server.
const withCode = (path: string, code: string) => `${path}#${code}`;

/** The id of the progress page's "My disputes" section. */
export const MY_DISPUTES_ID = 'my-disputes';

export const paths = {
  home: () => ROUTES.home,
  /** The start screen, optionally with one bank chosen. */
  quizStart: (bankId?: string) =>
    bankId ? `${ROUTES.quizStart}?${new URLSearchParams({ banks: bankId }).toString()}` : ROUTES.quizStart,
  quizPlay: (params: URLSearchParams) => `${ROUTES.quizPlay}?${params.toString()}`,
  review: () => ROUTES.review,
  progress: () => ROUTES.progress,
  /** The learner's solo disputes, a section of the progress page. */
  myDisputes: () => `${ROUTES.progress}#${MY_DISPUTES_ID}`,
  sources: () => ROUTES.sources,
  source: (sourceId: string) => `${ROUTES.sources}/${encodeURIComponent(sourceId)}`,
  /** The reader at one passage, optionally highlighting a quote and offering a way back. */
  passage: (sourceId: string, passageId: string, options: { quote?: string; back?: string } = {}) => {
    const base = `${ROUTES.sources}/${encodeURIComponent(sourceId)}/${encodeURIComponent(passageId)}`;
    const params = new URLSearchParams();
    if (options.quote) params.set('quote', options.quote);
    if (options.back) params.set('back', options.back);
    return params.size > 0 ? `${base}?${params.toString()}` : base;
  },
  classroom: () => ROUTES.classroom,
  assignmentBuilder: () => ROUTES.assignmentBuilder,
  assignment: (code: string) => withCode(ROUTES.assignment, code),
  classReport: (codes?: string) => (codes ? withCode(ROUTES.classReport, codes) : ROUTES.classReport),
  print: (code: string, options: { isAnswerKey?: boolean } = {}) =>
    withCode(options.isAnswerKey ? `${ROUTES.print}?key=1` : ROUTES.print, code),
  projector: (code: string) => withCode(ROUTES.projector, code),
  /** What students open: the assignment link they are given. */
  studentStart: (code: string) => withCode(ROUTES.studentStart, code),
  /** Sign-in, then back to `next` (a teacher's page that asked for it). */
  teacherSignIn: (next?: string) =>
    next ? `${ROUTES.teacherSignIn}?${new URLSearchParams({ next }).toString()}` : ROUTES.teacherSignIn,
  teacherSignUp: () => ROUTES.teacherSignUp,
  setPassword: () => ROUTES.setPassword,
  /** A signed-in teacher's classes and assignments on the server. */
  teacher: () => ROUTES.teacher,
  teacherAccount: () => ROUTES.teacherAccount,
  /** The disputes learners filed on the teacher's assignments. */
  teacherDisputes: () => ROUTES.teacherDisputes,
  serverAssignmentBuilder: () => ROUTES.serverAssignmentBuilder,
  serverAssignment: (id: string) => `${ROUTES.teacher}/assignments/${encodeURIComponent(id)}`,
  serverReport: (id: string) => `${ROUTES.teacher}/assignments/${encodeURIComponent(id)}/report`,
  /** What students of a server assignment open: only its random id, never its questions. */
  serverStudent: (id: string) => `/s/${encodeURIComponent(id)}`,
  /** Where students join a live session by PIN. */
  liveJoin: () => ROUTES.liveJoin,
  /** The teacher's screen of one live session. */
  liveHost: (id: string) => `${ROUTES.teacher}/live/${encodeURIComponent(id)}`,
  /** The API's own addresses that the browser follows as plain links (downloads). */
  api: {
    reportCsv: (id: string) => `/api/assignments/${encodeURIComponent(id)}/report.csv`,
    liveReportCsv: (id: string) => `/api/live/${encodeURIComponent(id)}/report.csv`,
    accountExport: () => '/api/account/export',
  },
  export: (code?: string) => (code ? withCode(ROUTES.export, code) : ROUTES.export),
  import: () => ROUTES.import,
};

/** What a link back to `path` calls the place it goes: "← Back to Review", never a wrong name. */
export function nameOfPlace(path: string): string {
  const pathname = path.split(/[?#]/)[0] ?? '';
  if (pathname.startsWith(ROUTES.quizStart)) return 'the quiz';
  if (pathname === ROUTES.review) return 'Review';
  if (pathname === ROUTES.progress) return 'Progress';
  if (pathname === ROUTES.classReport) return 'the class report';
  if (pathname.startsWith(ROUTES.classroom) || pathname === ROUTES.studentStart) return 'the assignment';
  if (pathname.startsWith(ROUTES.sources)) return 'the documents';
  if (pathname === ROUTES.import) return 'the import';
  if (pathname === ROUTES.home) return 'the home page';
  return 'the previous page';
}
