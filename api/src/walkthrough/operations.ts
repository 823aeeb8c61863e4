// Every GraphQL operation the walkthrough sends, word for word. docs/walkthrough.md quotes
// each of them, and walkthrough.test.ts checks that the two never drift apart.

// ---- accounts ----------------------------------------------------------------------

export const SIGN_IN = `mutation SignIn($input: SignInInput!) {
  signIn(input: $input) {
    accessToken
    expiresAt
    user { id displayName roles }
    userErrors { field code message }
  }
}`;

export const USER_CREATE = `mutation UserCreate($input: UserCreateInput!) {
  userCreate(input: $input) {
    user { id email displayName roles }
    userErrors { field code message }
  }
}`;

// ---- experts: records and certification ----------------------------------------------

export const EXPERT_CREATE = `mutation ExpertCreate($input: ExpertCreateInput!) {
  expertCreate(input: $input) {
    expert { id version status }
    userErrors { field code message }
  }
}`;

export const EXPERT_LINK_USER = `mutation ExpertLinkUser($input: ExpertLinkUserInput!) {
  expertLinkUser(input: $input) {
    expert { id version user { id email } }
    userErrors { field code message }
  }
}`;

export const EXPERT_START_TRAINING = `mutation ExpertStartTraining($input: ExpertCertificationStepInput!) {
  expertStartTraining(input: $input) {
    expert { id version status }
    userErrors { field code message }
  }
}`;

export const EXPERT_RECORD_ASSESSMENT = `mutation ExpertRecordAssessment($input: ExpertRecordAssessmentInput!) {
  expertRecordAssessment(input: $input) {
    expert { id version status assessmentScore assessmentPassMark }
    userErrors { field code message }
  }
}`;

export const EXPERT_ACKNOWLEDGE_ETHICS = `mutation ExpertAcknowledgeEthics($input: ExpertAcknowledgeEthicsInput!) {
  expertAcknowledgeEthics(input: $input) {
    expert { id version ethicsCodeVersion ethicsAcknowledgedAt }
    userErrors { field code message }
  }
}`;

export const EXPERT_CERTIFY = `mutation ExpertCertify($input: ExpertCertifyInput!) {
  expertCertify(input: $input) {
    expert { id version status certificateNumber certificateIssuedOn certificateValidUntil isOnPublicRegister }
    userErrors { field code message }
  }
}`;

// ---- stage 1: application and registration -------------------------------------------

export const CASE_APPLY = `mutation CaseApply($input: CaseApplyInput!) {
  caseApply(input: $input) {
    case { id number stage version }
    userErrors { field code message }
  }
}`;

export const CASE_REGISTER = `mutation CaseRegister($input: CaseStepInput!) {
  caseRegister(input: $input) {
    case { id number stage version }
    userErrors { field code message }
  }
}`;

// ---- stage 2: self-assessment ----------------------------------------------------------

export const CASE_START_SELF_ASSESSMENT = `mutation CaseStartSelfAssessment($input: CaseStepInput!) {
  caseStartSelfAssessment(input: $input) {
    case { id number stage version }
    userErrors { field code message }
  }
}`;

export const CASE_FRAMEWORK = `query CaseFramework($number: String!) {
  case(number: $number) {
    framework {
      version
      standards { code criteria { code } }
    }
  }
}`;

export const CASE_RATE_CRITERION = `mutation CaseRateCriterion($input: CaseRateCriterionInput!) {
  caseRateCriterion(input: $input) {
    case { id number stage version }
    userErrors { field code message }
  }
}`;

export const CASE_SUBMIT_SELF_ASSESSMENT = `mutation CaseSubmitSelfAssessment($input: CaseStepInput!) {
  caseSubmitSelfAssessment(input: $input) {
    case { id number stage version }
    userErrors { field code message }
  }
}`;

// ---- stage 3: expert team and preliminary visit ----------------------------------------

export const EXPERT_TEAM_CANDIDATES = `query ExpertTeamCandidates($caseId: ID!, $lastVisitDay: Date) {
  expertTeamCandidates(caseId: $caseId, lastVisitDay: $lastVisitDay) {
    requirements { minSize maxSize languages level lastVisitDay subjectAreas }
    candidates { rank userId name score languages subjectAreas reasons { code points } }
    exclusions { name certificateNumber reasons { code } }
    suggestedTeam {
      lead { rank userId name }
      members { rank userId name }
      uncovered { code message }
    }
  }
}`;

export const CASE_PROPOSE_TEAM = `mutation CaseProposeTeam($input: CaseProposeTeamInput!) {
  caseProposeTeam(input: $input) {
    case { id number stage version }
    userErrors { field code message }
  }
}`;

export const CASE_APPROVE_TEAM = `mutation CaseApproveTeam($input: CaseApproveTeamInput!) {
  caseApproveTeam(input: $input) {
    case { id number stage version }
    userErrors { field code message }
  }
}`;

export const CASE_SCHEDULE_PRELIMINARY_VISIT = `mutation CaseSchedulePreliminaryVisit($input: CaseScheduleVisitInput!) {
  caseSchedulePreliminaryVisit(input: $input) {
    case { id number stage version }
    userErrors { field code message }
  }
}`;

// ---- stage 4: external visit, final report, Council ------------------------------------

export const CASE_SCHEDULE_EXTERNAL_VISIT = `mutation CaseScheduleExternalVisit($input: CaseScheduleVisitInput!) {
  caseScheduleExternalVisit(input: $input) {
    case { id number stage version }
    userErrors { field code message }
  }
}`;

export const CASE_SUBMIT_FINAL_REPORT = `mutation CaseSubmitFinalReport($input: CaseSubmitFinalReportInput!) {
  caseSubmitFinalReport(input: $input) {
    case { id number stage version }
    userErrors { field code message }
  }
}`;

export const CASE_REVIEW_FINAL_REPORT = `mutation CaseReviewFinalReport($input: CaseStepInput!) {
  caseReviewFinalReport(input: $input) {
    case { id number stage version }
    userErrors { field code message }
  }
}`;

export const CASE_APPROVE_FINAL_REPORT = `mutation CaseApproveFinalReport($input: CaseStepInput!) {
  caseApproveFinalReport(input: $input) {
    case { id number stage version }
    userErrors { field code message }
  }
}`;

export const COUNCIL_MEETING_CREATE = `mutation CouncilMeetingCreate($input: CouncilMeetingCreateInput!) {
  councilMeetingCreate(input: $input) {
    meeting { id heldOn quorum }
    userErrors { field code message }
  }
}`;

export const COUNCIL_VOTE_CAST = `mutation CouncilVoteCast($input: CouncilVoteCastInput!) {
  councilVoteCast(input: $input) {
    meeting { id votes { choice } }
    userErrors { field code message }
  }
}`;

export const CASE_DECIDE = `mutation CaseDecide($input: CaseDecideInput!) {
  caseDecide(input: $input) {
    case {
      id number stage version
      decisions { id number outcome validUntil votesFor votesAgainst abstentions publishedAt }
    }
    userErrors { field code message }
  }
}`;

export const DECISION_PUBLISH = `mutation DecisionPublish($input: DecisionPublishInput!) {
  decisionPublish(input: $input) {
    decision { id number outcome validUntil publishedAt }
    userErrors { field code message }
  }
}`;

// ---- stage 5: after the decision ---------------------------------------------------------

export const SURVEY_QUESTIONS = `query SurveyQuestions($audience: SurveyAudience!) {
  surveyQuestions(audience: $audience) { id kind }
}`;

export const CASE_SUBMIT_FEEDBACK = `mutation CaseSubmitFeedback($input: CaseSubmitFeedbackInput!) {
  caseSubmitFeedback(input: $input) {
    case { id number stage version }
    userErrors { field code message }
  }
}`;

export const DEVELOPMENT_ACTION_ADD = `mutation DevelopmentActionAdd($input: DevelopmentActionAddInput!) {
  developmentActionAdd(input: $input) {
    case {
      id number stage version
      developmentPlan { action dueOn }
    }
    userErrors { field code message }
  }
}`;

// ---- the public register -------------------------------------------------------------------

export const REGISTER_ENTRY = `query RegisterEntry($bin: String!) {
  organization(bin: $bin) {
    bin
    name { en }
    accreditationStatus
    accreditedUntil
    latestDecision { number outcome decisionDate validUntil votesFor votesAgainst }
    reports { title publishedAt }
  }
}`;

/** All of them, by constant name: the test checks each against docs/walkthrough.md. */
export const operations = {
  SIGN_IN,
  USER_CREATE,
  EXPERT_CREATE,
  EXPERT_LINK_USER,
  EXPERT_START_TRAINING,
  EXPERT_RECORD_ASSESSMENT,
  EXPERT_ACKNOWLEDGE_ETHICS,
  EXPERT_CERTIFY,
  CASE_APPLY,
  CASE_REGISTER,
  CASE_START_SELF_ASSESSMENT,
  CASE_FRAMEWORK,
  CASE_RATE_CRITERION,
  CASE_SUBMIT_SELF_ASSESSMENT,
  EXPERT_TEAM_CANDIDATES,
  CASE_PROPOSE_TEAM,
  CASE_APPROVE_TEAM,
  CASE_SCHEDULE_PRELIMINARY_VISIT,
  CASE_SCHEDULE_EXTERNAL_VISIT,
  CASE_SUBMIT_FINAL_REPORT,
  CASE_REVIEW_FINAL_REPORT,
  CASE_APPROVE_FINAL_REPORT,
  COUNCIL_MEETING_CREATE,
  COUNCIL_VOTE_CAST,
  CASE_DECIDE,
  DECISION_PUBLISH,
  SURVEY_QUESTIONS,
  CASE_SUBMIT_FEEDBACK,
  DEVELOPMENT_ACTION_ADD,
  REGISTER_ENTRY,
} as const;
