/**
 * `npm run bench:web`: Lighthouse (simulated mobile, Debian's Chromium) on eight pages of the
 * production build served by the classroom server as `npm start` runs it, three runs each, printing
 * the medians; then the time from a click on "Check answer" to the feedback being painted, with the
 * CPU slowed four times. Figures are printed, not asserted: this is a benchmark. Each run is checked
 * to have measured the intended screen, and the bench stops if not. Page names given after `--`
 * (`npm run bench:web -- "quiz question" review`) measure only those pages. With BENCH_TASKS=1 it
 * also prints, for each run, the tasks behind its blocking time (web-long-tasks.ts); with
 * BENCH_ISOLATE=1, the page's renderer has the machine's other processors to itself (web-isolate.ts).
 */
import { LIVE_SEAT_COOKIE, liveSeatCookieValue } from '@/domain/live-seat';
import { feedbackLatency } from './web-feedback-latency';
import { firstScreenTimes, type FirstScreen } from './web-first-screen';
import { ASSIGNMENT_TITLE, LIVE_PLAYER, STUDENTS, startClassroom, type Classroom } from './web-classroom';
import { lighthouseRuns, type BenchPage, type Figures, type Screen } from './web-lighthouse';
import { blockingTotals, formatLongTasks, formatTask } from './web-long-tasks';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const SEAT_KEY = 'source-quiz-live-seat';

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

/** The first of these that the screen does not show as asked, or null. */
function mismatch(checks: [string, boolean][]): string | null {
  return checks.find(([, holds]) => !holds)?.[0] ?? null;
}

const isError = (screen: Screen) => /not found|went wrong|cannot be shown|cannot read/i.test(screen.heading);

function benchPages(classroom: Classroom): BenchPage[] {
  const signInForm = (screen: Screen) => screen.heading === 'Teacher sign-in';
  return [
    {
      name: 'home',
      path: '/',
      problemWith: (s) => mismatch([['a heading, not an error', s.heading !== '' && !isError(s)]]),
    },
    {
      name: 'quiz question',
      path: '/quiz/play?types=single&count=5&mode=practice&seed=bench1',
      problemWith: (s) => mismatch([['"Question 1 of 5"', s.text.includes('Question 1 of 5')]]),
    },
    {
      name: 'review',
      path: '/review',
      problemWith: (s) => mismatch([['the heading "Review"', s.heading === 'Review']]),
    },
    {
      name: 'source',
      path: '/sources/development-cooperation',
      problemWith: (s) =>
        mismatch([['the heading "Development cooperation"', s.heading === 'Development cooperation']]),
    },
    {
      name: 'sign-in',
      path: '/teacher/sign-in',
      problemWith: (s) => mismatch([['the sign-in form', signInForm(s) && s.text.includes('Password')]]),
    },
    {
      name: 'teacher assignment',
      path: `/teacher/assignments/${classroom.assignmentId}`,
      cookie: classroom.teacherCookie,
      problemWith: (s) =>
        mismatch([
          ['signed in (not the sign-in form)', !signInForm(s)],
          [`the heading "${ASSIGNMENT_TITLE}"`, s.heading === ASSIGNMENT_TITLE],
          [`the students' results (${STUDENTS.join(', ')})`, STUDENTS.every((name) => s.text.includes(name))],
        ]),
    },
    {
      name: 'join',
      path: `/live?pin=${classroom.pin}`,
      // No seat on the device: a student arriving by the PIN's link.
      deviceStorage: { [SEAT_KEY]: null },
      problemWith: (s) =>
        mismatch([
          ['the heading "Join a live session"', s.heading === 'Join a live session'],
          ['the PIN filled in', s.text.includes('PIN')],
        ]),
    },
    {
      name: 'live question',
      path: '/live',
      // The seat the app keeps after a join (live-client.ts), in the device's storage (the page
      // rejoins with its token) and in the cookie sent with the page (the server renders the
      // player's screen into it). Lighthouse's storage reset clears service workers and caches but
      // not localStorage, so the seat outlives it and each run starts without the app's cached files.
      deviceStorage: { [SEAT_KEY]: JSON.stringify(classroom.seat) },
      cookie: `${LIVE_SEAT_COOKIE}=${liveSeatCookieValue(classroom.seat.sessionId, classroom.seat.token)}`,
      problemWith: (s) =>
        mismatch([
          [
            `"Question 1 of ${classroom.questionCount}"`,
            s.text.includes(`Question 1 of ${classroom.questionCount}`),
          ],
          [`the player ${LIVE_PLAYER}`, s.text.includes(LIVE_PLAYER)],
          ['a choice to answer with', s.text.includes('Send answer')],
        ]),
    },
  ];
}

function tableRow(name: string, runs: Figures[]) {
  const of = (pick: (figures: Figures) => number) => median(runs.map(pick));
  return {
    page: name,
    performance: of((r) => r.performance),
    // Each run's score as well: the goal is 100 in every run, not only at the median.
    'each run': runs.map((r) => r.performance).join(', '),
    accessibility: of((r) => r.accessibility),
    'best practices': of((r) => r.bestPractices),
    'FCP ms': Math.round(of((r) => r.fcp)),
    'LCP ms': Math.round(of((r) => r.lcp)),
    'TBT ms': Math.round(of((r) => r.tbt)),
    CLS: Number(of((r) => r.cls).toFixed(3)),
  };
}

/** The pages named on the command line, or all of them; an unknown name stops the bench. */
function chosenPages(all: BenchPage[], names: string[]): BenchPage[] {
  const unknown = names.filter((name) => !all.some((page) => page.name === name));
  if (unknown.length > 0) {
    const known = all.map((page) => `"${page.name}"`).join(', ');
    throw new Error(
      `No bench page is called ${unknown.map((name) => `"${name}"`).join(', ')}: pages are ${known}`,
    );
  }
  return names.length === 0 ? all : all.filter((page) => names.includes(page.name));
}

const classroom = await startClassroom();
try {
  const pages = chosenPages(benchPages(classroom), process.argv.slice(2));
  console.log(
    `Lighthouse ${RUNS} runs per page, simulated mobile, medians, served by the classroom server ` +
      `(${new Date().toISOString().slice(0, 10)}):`,
  );
  const figures = await lighthouseRuns(classroom.url, pages, RUNS);
  console.table(pages.map((page) => tableRow(page.name, figures.get(page) ?? [])));
  for (const page of pages) {
    const runs = figures.get(page) ?? [];
    if (runs.every((run) => run.bestPractices >= 100)) continue;
    const scores = runs.map((run) => run.bestPractices).join(', ');
    console.log(`Best practices under 100 on ${page.name} (runs: ${scores}); failing audits:`);
    for (const finding of new Set(runs.flatMap((run) => run.failing))) console.log(`  ${finding}`);
  }
  for (const page of pages) {
    for (const [run, measured] of (figures.get(page) ?? []).entries()) {
      if (!measured.longTasks) continue;
      const totals = blockingTotals(measured.longTasks);
      console.log(
        `${page.name}, run ${run + 1}: blocking time ${Math.round(measured.tbt)} ms (Lighthouse); its tasks ` +
          `count ${Math.round(totals.traced)} ms as traced, ${Math.round(totals.running)} ms counting only ` +
          `the time the page's thread ran. Tasks after the first paint (start, traced duration, as ` +
          `Lighthouse counts it, time the thread ran, the work inside):`,
      );
      for (const line of formatLongTasks(measured.longTasks)) console.log(`  ${line}`);
      if (measured.longestTask) console.log(`  longest it ran: ${formatTask(measured.longestTask)}`);
    }
  }
  const { answers: times, firstWhileStoring, firstOnceStored } = await feedbackLatency(classroom.url);
  // The first answer is the browser's first, given as soon as the question shows: said apart, as a
  // learner meets it once a visit. Timed again in other browsers while the service worker stores the
  // app and once it has, as learners who read the question first meet it (decision 020).
  const [first, ...warm] = times;
  console.log(
    `Click to feedback painted, CPU slowed 4×: median ${median(times).toFixed(1)} ms, ` +
      `max ${Math.max(...times).toFixed(1)} ms over ${times.length} answers (target: median under 50 ms, ` +
      `slowest under 100). The first, in a browser just started: ${first?.toFixed(1)} ms; the other ` +
      `${warm.length}: median ${median(warm).toFixed(1)} ms, max ${Math.max(...warm).toFixed(1)} ms. ` +
      `A first answer given while the service worker stores the app: ${firstWhileStoring.toFixed(1)} ms; ` +
      `once it has stored it: ${firstOnceStored.toFixed(1)} ms.`,
  );
  // Two screens that React replaces the shell with, in real time (web-first-screen.ts says why).
  const shows: Record<string, string> = {
    'quiz question': 'Question 1 of 5',
    'teacher assignment': STUDENTS[0] ?? '',
  };
  const screens: FirstScreen[] = pages.flatMap(({ name, path, cookie }) => {
    const text = shows[name];
    return text ? [{ name, path, shows: text, ...(cookie ? { cookie } : {}) }] : [];
  });
  const shown = await firstScreenTimes(classroom.url, screens);
  for (const [screen, list] of shown) {
    console.log(
      `First visit, ${screen.name} shown (real time, nothing slowed): median ${median(list).toFixed(0)} ms ` +
        `over ${list.length} loads.`,
    );
  }
} finally {
  await classroom.stop();
}
