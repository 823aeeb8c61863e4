// The walkthrough's calendar: on which simulated day each step happens. Every step falls
// on a working day of Kazakhstan's calendar, the visits last as long as the rules allow
// (3–5 and 5–7 working days), and the whole procedure ends by a given day, so that the
// decision is not dated after the day the site is built. The two experts are trained and
// certified in the weeks before the school applies: the register of experts exists before
// any case needs a team.
import { fromIsoDate, toIsoDate } from '../shared/dates.ts';
import { addWorkingDays, nextWorkingDay } from '../shared/working-days.ts';

export interface Timeline {
  /** Accounts created; the coordinator registers the two experts and they start training. */
  expertTrainingFrom: string;
  /** The experts are assessed, acknowledge the ethics code and receive their certificates. */
  expertsCertifiedOn: string;
  /** Application, registration, start of the self-assessment. */
  applyOn: string;
  /** Every criterion rated; the self-assessment submitted. */
  submitSelfAssessmentOn: string;
  /** Candidates ranked, team proposed and approved by order; preliminary visit scheduled. */
  teamOn: string;
  preliminaryVisit: { from: string; to: string };
  /** Last day of the preliminary visit: the external visit is scheduled. */
  scheduleExternalVisitOn: string;
  externalVisit: { from: string; to: string };
  /** Last day of the external visit: the lead expert submits the final report. */
  finalReportOn: string;
  reviewOn: string;
  approveReportOn: string;
  /** The Council meets, votes and decides. */
  councilOn: string;
  publishOn: string;
  /** Feedback survey and the first action of the development plan. */
  followUpOn: string;
  /** Due date of that action. */
  actionDueOn: string;
}

/** `n` working days after `day` (a working day): the n-th working day that follows it. */
function workingDaysAfter(day: string, n: number): string {
  return addWorkingDays(nextWorkingDay(day), n);
}

function addCalendarDays(day: string, days: number): string {
  return toIsoDate(new Date(fromIsoDate(day).getTime() + days * 86_400_000));
}

/** The procedure, starting on `start` (moved to the next working day when it is not one). */
export function planTimeline(start: string): Timeline {
  const expertTrainingFrom = addWorkingDays(start, 1);
  // Two weeks of training, then the assessment; the school applies a week later.
  const expertsCertifiedOn = workingDaysAfter(expertTrainingFrom, 10);
  const applyOn = workingDaysAfter(expertsCertifiedOn, 5);
  const submitSelfAssessmentOn = workingDaysAfter(applyOn, 10);
  const teamOn = workingDaysAfter(submitSelfAssessmentOn, 2);
  // Visits are scheduled ahead: the preliminary one starts a week after the order.
  const preliminaryFrom = workingDaysAfter(teamOn, 5);
  const preliminaryVisit = { from: preliminaryFrom, to: addWorkingDays(preliminaryFrom, 3) };
  const externalFrom = workingDaysAfter(preliminaryVisit.to, 10);
  const externalVisit = { from: externalFrom, to: addWorkingDays(externalFrom, 5) };
  const finalReportOn = externalVisit.to;
  const reviewOn = workingDaysAfter(finalReportOn, 3);
  const approveReportOn = workingDaysAfter(reviewOn, 2);
  const councilOn = workingDaysAfter(approveReportOn, 5);
  const publishOn = workingDaysAfter(councilOn, 1);
  const followUpOn = workingDaysAfter(publishOn, 5);
  return {
    expertTrainingFrom,
    expertsCertifiedOn,
    applyOn,
    submitSelfAssessmentOn,
    teamOn,
    preliminaryVisit,
    scheduleExternalVisitOn: preliminaryVisit.to,
    externalVisit,
    finalReportOn,
    reviewOn,
    approveReportOn,
    councilOn,
    publishOn,
    followUpOn,
    actionDueOn: addWorkingDays(addCalendarDays(followUpOn, 182), 1),
  };
}

/** The latest timeline whose last step falls on or before `lastDay`. */
export function timelineFinishingBy(lastDay: string): Timeline {
  // Working days make the length vary with holidays, so step back a day at a time.
  for (let back = 0; back <= 366; back += 1) {
    const plan = planTimeline(addCalendarDays(lastDay, -back));
    if (plan.followUpOn <= lastDay) return plan;
  }
  throw new Error(`no timeline of the procedure finishes by ${lastDay}`);
}
