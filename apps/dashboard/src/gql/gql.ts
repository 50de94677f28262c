/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n      query R($cycleId: ID!, $subjectId: ID!) {\n        subjectReport(cycleId: $cycleId, subjectId: $subjectId) { cycleId transitionRisks { id name description status signalsOn signalsEvaluated minSignals } }\n      }\n    ": typeof types.RDocument,
    "\n  query Instruments {\n    instruments {\n      id\n      name\n      versions\n      latestVersion\n      roleProfiles {\n        id\n        name\n      }\n    }\n  }\n": typeof types.InstrumentsDocument,
    "\n  query Me {\n    me {\n      accountId\n      email\n      roles\n      organisation { id name }\n      person { id name title department }\n    }\n  }\n": typeof types.MeDocument,
    "\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      token\n      expiresAt\n    }\n  }\n": typeof types.LoginDocument,
    "\n  mutation Logout {\n    logout\n  }\n": typeof types.LogoutDocument,
    "\n  fragment CycleFields on Cycle {\n    id\n    name\n    status\n    instrumentId\n    instrumentVersion\n    roleProfileId\n    anonymityThreshold\n    maxRatersPerGroup\n    opensAt\n    closesAt\n    launchedAt\n    closedAt\n    releasedAt\n    minRaters { group count }\n    subjects { id name title department managerId }\n  }\n": typeof types.CycleFieldsFragmentDoc,
    "\n  query Cycles {\n    cycles { ...CycleFields }\n  }\n": typeof types.CyclesDocument,
    "\n  query Cycle($id: ID!) {\n    cycle(id: $id) { ...CycleFields }\n  }\n": typeof types.CycleDocument,
    "\n  mutation CreateCycle($input: CreateCycleInput!) {\n    createCycle(input: $input) { ...CycleFields }\n  }\n": typeof types.CreateCycleDocument,
    "\n  mutation AddSubjects($cycleId: ID!, $personIds: [ID!]!) {\n    addSubjects(cycleId: $cycleId, personIds: $personIds) { ...CycleFields }\n  }\n": typeof types.AddSubjectsDocument,
    "\n  query Nominations($cycleId: ID!, $subjectId: ID) {\n    nominations(cycleId: $cycleId, subjectId: $subjectId) {\n      id\n      subjectId\n      group\n      source\n      status\n      rater { id name title department }\n    }\n  }\n": typeof types.NominationsDocument,
    "\n  mutation ProposeRaters($cycleId: ID!, $subjectId: ID) {\n    proposeRaters(cycleId: $cycleId, subjectId: $subjectId) { id }\n  }\n": typeof types.ProposeRatersDocument,
    "\n  mutation NominateRater($input: NominateRaterInput!) {\n    nominateRater(input: $input) { id }\n  }\n": typeof types.NominateRaterDocument,
    "\n  mutation ApproveNominations($cycleId: ID!, $subjectId: ID!) {\n    approveNominations(cycleId: $cycleId, subjectId: $subjectId) { id status }\n  }\n": typeof types.ApproveNominationsDocument,
    "\n  mutation LaunchCycle($cycleId: ID!) {\n    launchCycle(cycleId: $cycleId) { ...CycleFields }\n  }\n": typeof types.LaunchCycleDocument,
    "\n  mutation SendReminders($cycleId: ID!) {\n    sendReminders(cycleId: $cycleId)\n  }\n": typeof types.SendRemindersDocument,
    "\n  mutation CloseCycle($cycleId: ID!) {\n    closeCycle(cycleId: $cycleId) { ...CycleFields }\n  }\n": typeof types.CloseCycleDocument,
    "\n  mutation ReleaseResults($cycleId: ID!) {\n    releaseResults(cycleId: $cycleId) { ...CycleFields }\n  }\n": typeof types.ReleaseResultsDocument,
    "\n  mutation RescoreCycle($cycleId: ID!, $instrumentVersion: Int, $roleProfileId: String) {\n    rescoreCycle(cycleId: $cycleId, instrumentVersion: $instrumentVersion, roleProfileId: $roleProfileId) {\n      rescoreId\n      instrumentVersion\n      roleProfileId\n    }\n  }\n": typeof types.RescoreCycleDocument,
    "\n  query ResultSets($cycleId: ID!) {\n    resultSets(cycleId: $cycleId)\n  }\n": typeof types.ResultSetsDocument,
    "\n  query RaterInvitations($cycleId: ID!) {\n    raterInvitations(cycleId: $cycleId) {\n      assignmentId\n      group\n      path\n      status\n      token\n      rater { id name email }\n      subject { id name }\n    }\n  }\n": typeof types.RaterInvitationsDocument,
    "\n  query CycleResultsCsv($cycleId: ID!) {\n    cycleResultsCsv(cycleId: $cycleId)\n  }\n": typeof types.CycleResultsCsvDocument,
    "\n  fragment HeatmapFields on Heatmap {\n    cycleId\n    dimensions { id name }\n    rows {\n      subject { id name title department }\n      overallFit\n      responseCount\n      cells { dimensionId mean fit suppressed }\n    }\n  }\n": typeof types.HeatmapFieldsFragmentDoc,
    "\n  query CycleHeatmap($cycleId: ID!, $first: Int, $after: String, $filter: HeatmapFilter, $sort: HeatmapSort) {\n    cycleHeatmap(cycleId: $cycleId, first: $first, after: $after, filter: $filter, sort: $sort) {\n      ...HeatmapFields\n      totalCount\n      pageInfo { endCursor hasNextPage }\n    }\n  }\n": typeof types.CycleHeatmapDocument,
    "\n  query TeamReport($cycleId: ID!) {\n    teamReport(cycleId: $cycleId) { ...HeatmapFields }\n  }\n": typeof types.TeamReportDocument,
    "\n  mutation ImportPeople($csv: String!, $dryRun: Boolean!, $importId: ID) {\n    importPeople(csv: $csv, dryRun: $dryRun, importId: $importId) {\n      applied\n      dryRun\n      rows\n      created\n      updated\n      unchanged\n      errors { line column reason }\n      preview { line employeeId name email managerEmployeeId action }\n    }\n  }\n": typeof types.ImportPeopleDocument,
    "\n  query People($search: String, $leadersOfLeadersOnly: Boolean, $limit: Int) {\n    people(search: $search, leadersOfLeadersOnly: $leadersOfLeadersOnly, limit: $limit) {\n      id\n      employeeId\n      name\n      email\n      title\n      department\n      managerId\n      directReportCount\n      isLeaderOfLeaders\n    }\n  }\n": typeof types.PeopleDocument,
    "\n  subscription ImportProgress($importId: ID!) {\n    importProgress(importId: $importId) { phase done total }\n  }\n": typeof types.ImportProgressDocument,
    "\n  mutation CreateAccount($personId: ID!, $hrAdmin: Boolean!) {\n    createAccount(personId: $personId, hrAdmin: $hrAdmin) {\n      accountId\n      email\n      temporaryPassword\n    }\n  }\n": typeof types.CreateAccountDocument,
    "\n  query MySurveys {\n    mySurveys { assignmentId cycleId cycleName subjectName relationship status closesAt path }\n  }\n": typeof types.MySurveysDocument,
    "\n  query CycleMailDeliveries($cycleId: ID!) {\n    cycleMailDeliveries(cycleId: $cycleId) {\n      assignmentId subjectId subjectName raterName raterEmail group surveyStatus\n      invitation { mailId status reason attempts updatedAt }\n      reminder { mailId status reason attempts updatedAt }\n    }\n  }\n": typeof types.CycleMailDeliveriesDocument,
    "\n  mutation ResendInvitation($assignmentId: ID!) {\n    resendInvitation(assignmentId: $assignmentId)\n  }\n": typeof types.ResendInvitationDocument,
    "\n  query MailOutbox($cycleId: ID) {\n    mailOutbox(cycleId: $cycleId) { mailId kind cycleId recipientName to subject createdAt }\n  }\n": typeof types.MailOutboxDocument,
    "\n  query MailOutboxMessage($mailId: ID!) {\n    mailOutboxMessage(mailId: $mailId) { mailId to subject text html link }\n  }\n": typeof types.MailOutboxMessageDocument,
    "\n  query SurveyLinksCsv($cycleId: ID!) {\n    surveyLinksCsv(cycleId: $cycleId)\n  }\n": typeof types.SurveyLinksCsvDocument,
    "\n  fragment ProgressFields on CycleProgress {\n    cycleId\n    status\n    invited\n    started\n    submitted\n    responseRate\n    subjects {\n      subject { id name title department }\n      groups { group invited started submitted }\n      nonResponders { group started rater { id name email } }\n    }\n  }\n": typeof types.ProgressFieldsFragmentDoc,
    "\n  query CycleProgress($cycleId: ID!) {\n    cycleProgress(cycleId: $cycleId) { ...ProgressFields }\n  }\n": typeof types.CycleProgressDocument,
    "\n  subscription CycleProgressChanged($cycleId: ID!) {\n    cycleProgressChanged(cycleId: $cycleId) { ...ProgressFields }\n  }\n": typeof types.CycleProgressChangedDocument,
    "\n  query CycleReliability($cycleId: ID!) {\n    cycleReliability(cycleId: $cycleId) {\n      cycleId\n      scoredAt\n      subjectCount\n      target\n      alpha { name alpha }\n      groups { group icc1 icck subjects }\n      norms { available }\n      projection {\n        subject { id name }\n        groups { group invited sourceNote projected ratersForTarget warnings { code message } }\n      }\n    }\n  }\n": typeof types.CycleReliabilityDocument,
    "\n  fragment ReportFields on SubjectReport {\n    cycleId\n    resultSet\n    visibility\n    reportVersion\n    responseCount\n    scoredAt\n    roleProfileId\n    subject { id name title department }\n    overall { others self fit gap dimensionsIncluded dimensionsTotal }\n    dimensions {\n      dimensionId\n      name\n      target\n      fit\n      gap\n      others { n mean ciLow ciHigh suppressed suppressionReason includes }\n      groups { group n mean ciLow ciHigh sd rwg suppressed suppressionReason }\n    }\n    strengthsByFit { dimensionId name others target fit }\n    developmentAreasByFit { dimensionId name others target fit }\n    strengths { dimensionId name others target fit }\n    developmentAreas { dimensionId name others target fit }\n    blindSpots { dimensionId name self others gap ciLow ciHigh }\n    hiddenStrengths { dimensionId name self others gap ciLow ciHigh }\n    transitionRisks { id name description status signalsOn signalsEvaluated minSignals }\n    lowAgreement { dimensionId name scope n rwg }\n    readiness { profileId name status share meets assessed meanFit }\n    comments { dimensionId group text }\n    items { itemId text dimensionId gap others { n mean ciLow ciHigh suppressed suppressionReason includes } groups { group n mean suppressed } }\n    highestItems { itemId text dimensionId others n ciLow ciHigh }\n    lowestItems { itemId text dimensionId others n ciLow ciHigh }\n    comparisons {\n      norms { dimensionId name organisationCycles cycle { percentile normSize available reason } organisation { percentile normSize available reason } }\n      trend { previousCycleId previousInstrumentVersion instrumentVersion ratersInCommon dimensions { dimensionId name previous current change ciLow ciHigh call itemsInCommon previousRaters currentRaters } }\n    }\n  }\n": typeof types.ReportFieldsFragmentDoc,
    "\n  query SubjectReport($cycleId: ID!, $subjectId: ID!, $resultSet: String) {\n    subjectReport(cycleId: $cycleId, subjectId: $subjectId, resultSet: $resultSet) { ...ReportFields }\n  }\n": typeof types.SubjectReportDocument,
    "\n  subscription SubjectReportChanged($cycleId: ID!, $subjectId: ID!) {\n    subjectReportChanged(cycleId: $cycleId, subjectId: $subjectId) { ...ReportFields }\n  }\n": typeof types.SubjectReportChangedDocument,
    "\n  query RaterSurvey($token: String!) {\n    raterSurvey(token: $token) {\n      cycleName\n      subjectName\n      relationship\n      identifiable\n      anonymityThreshold\n      anonymityNote\n      closesAt\n      closedAt\n      status\n      submittedAt\n      notAbleToRateLabel\n      scale { value label }\n      dimensions { id name description items { id text } }\n      answers { itemId value }\n      comments { dimensionId text }\n    }\n  }\n": typeof types.RaterSurveyDocument,
    "\n  mutation SaveSurveyDraft($input: SurveyAnswersInput!) {\n    saveSurveyDraft(input: $input) { answered total savedAt }\n  }\n": typeof types.SaveSurveyDraftDocument,
    "\n  mutation SubmitSurvey($input: SubmitSurveyInput!) {\n    submitSurvey(input: $input) {\n      submissionId\n      status\n      acceptedAt\n      reasons { field message }\n    }\n  }\n": typeof types.SubmitSurveyDocument,
};
const documents: Documents = {
    "\n      query R($cycleId: ID!, $subjectId: ID!) {\n        subjectReport(cycleId: $cycleId, subjectId: $subjectId) { cycleId transitionRisks { id name description status signalsOn signalsEvaluated minSignals } }\n      }\n    ": types.RDocument,
    "\n  query Instruments {\n    instruments {\n      id\n      name\n      versions\n      latestVersion\n      roleProfiles {\n        id\n        name\n      }\n    }\n  }\n": types.InstrumentsDocument,
    "\n  query Me {\n    me {\n      accountId\n      email\n      roles\n      organisation { id name }\n      person { id name title department }\n    }\n  }\n": types.MeDocument,
    "\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      token\n      expiresAt\n    }\n  }\n": types.LoginDocument,
    "\n  mutation Logout {\n    logout\n  }\n": types.LogoutDocument,
    "\n  fragment CycleFields on Cycle {\n    id\n    name\n    status\n    instrumentId\n    instrumentVersion\n    roleProfileId\n    anonymityThreshold\n    maxRatersPerGroup\n    opensAt\n    closesAt\n    launchedAt\n    closedAt\n    releasedAt\n    minRaters { group count }\n    subjects { id name title department managerId }\n  }\n": types.CycleFieldsFragmentDoc,
    "\n  query Cycles {\n    cycles { ...CycleFields }\n  }\n": types.CyclesDocument,
    "\n  query Cycle($id: ID!) {\n    cycle(id: $id) { ...CycleFields }\n  }\n": types.CycleDocument,
    "\n  mutation CreateCycle($input: CreateCycleInput!) {\n    createCycle(input: $input) { ...CycleFields }\n  }\n": types.CreateCycleDocument,
    "\n  mutation AddSubjects($cycleId: ID!, $personIds: [ID!]!) {\n    addSubjects(cycleId: $cycleId, personIds: $personIds) { ...CycleFields }\n  }\n": types.AddSubjectsDocument,
    "\n  query Nominations($cycleId: ID!, $subjectId: ID) {\n    nominations(cycleId: $cycleId, subjectId: $subjectId) {\n      id\n      subjectId\n      group\n      source\n      status\n      rater { id name title department }\n    }\n  }\n": types.NominationsDocument,
    "\n  mutation ProposeRaters($cycleId: ID!, $subjectId: ID) {\n    proposeRaters(cycleId: $cycleId, subjectId: $subjectId) { id }\n  }\n": types.ProposeRatersDocument,
    "\n  mutation NominateRater($input: NominateRaterInput!) {\n    nominateRater(input: $input) { id }\n  }\n": types.NominateRaterDocument,
    "\n  mutation ApproveNominations($cycleId: ID!, $subjectId: ID!) {\n    approveNominations(cycleId: $cycleId, subjectId: $subjectId) { id status }\n  }\n": types.ApproveNominationsDocument,
    "\n  mutation LaunchCycle($cycleId: ID!) {\n    launchCycle(cycleId: $cycleId) { ...CycleFields }\n  }\n": types.LaunchCycleDocument,
    "\n  mutation SendReminders($cycleId: ID!) {\n    sendReminders(cycleId: $cycleId)\n  }\n": types.SendRemindersDocument,
    "\n  mutation CloseCycle($cycleId: ID!) {\n    closeCycle(cycleId: $cycleId) { ...CycleFields }\n  }\n": types.CloseCycleDocument,
    "\n  mutation ReleaseResults($cycleId: ID!) {\n    releaseResults(cycleId: $cycleId) { ...CycleFields }\n  }\n": types.ReleaseResultsDocument,
    "\n  mutation RescoreCycle($cycleId: ID!, $instrumentVersion: Int, $roleProfileId: String) {\n    rescoreCycle(cycleId: $cycleId, instrumentVersion: $instrumentVersion, roleProfileId: $roleProfileId) {\n      rescoreId\n      instrumentVersion\n      roleProfileId\n    }\n  }\n": types.RescoreCycleDocument,
    "\n  query ResultSets($cycleId: ID!) {\n    resultSets(cycleId: $cycleId)\n  }\n": types.ResultSetsDocument,
    "\n  query RaterInvitations($cycleId: ID!) {\n    raterInvitations(cycleId: $cycleId) {\n      assignmentId\n      group\n      path\n      status\n      token\n      rater { id name email }\n      subject { id name }\n    }\n  }\n": types.RaterInvitationsDocument,
    "\n  query CycleResultsCsv($cycleId: ID!) {\n    cycleResultsCsv(cycleId: $cycleId)\n  }\n": types.CycleResultsCsvDocument,
    "\n  fragment HeatmapFields on Heatmap {\n    cycleId\n    dimensions { id name }\n    rows {\n      subject { id name title department }\n      overallFit\n      responseCount\n      cells { dimensionId mean fit suppressed }\n    }\n  }\n": types.HeatmapFieldsFragmentDoc,
    "\n  query CycleHeatmap($cycleId: ID!, $first: Int, $after: String, $filter: HeatmapFilter, $sort: HeatmapSort) {\n    cycleHeatmap(cycleId: $cycleId, first: $first, after: $after, filter: $filter, sort: $sort) {\n      ...HeatmapFields\n      totalCount\n      pageInfo { endCursor hasNextPage }\n    }\n  }\n": types.CycleHeatmapDocument,
    "\n  query TeamReport($cycleId: ID!) {\n    teamReport(cycleId: $cycleId) { ...HeatmapFields }\n  }\n": types.TeamReportDocument,
    "\n  mutation ImportPeople($csv: String!, $dryRun: Boolean!, $importId: ID) {\n    importPeople(csv: $csv, dryRun: $dryRun, importId: $importId) {\n      applied\n      dryRun\n      rows\n      created\n      updated\n      unchanged\n      errors { line column reason }\n      preview { line employeeId name email managerEmployeeId action }\n    }\n  }\n": types.ImportPeopleDocument,
    "\n  query People($search: String, $leadersOfLeadersOnly: Boolean, $limit: Int) {\n    people(search: $search, leadersOfLeadersOnly: $leadersOfLeadersOnly, limit: $limit) {\n      id\n      employeeId\n      name\n      email\n      title\n      department\n      managerId\n      directReportCount\n      isLeaderOfLeaders\n    }\n  }\n": types.PeopleDocument,
    "\n  subscription ImportProgress($importId: ID!) {\n    importProgress(importId: $importId) { phase done total }\n  }\n": types.ImportProgressDocument,
    "\n  mutation CreateAccount($personId: ID!, $hrAdmin: Boolean!) {\n    createAccount(personId: $personId, hrAdmin: $hrAdmin) {\n      accountId\n      email\n      temporaryPassword\n    }\n  }\n": types.CreateAccountDocument,
    "\n  query MySurveys {\n    mySurveys { assignmentId cycleId cycleName subjectName relationship status closesAt path }\n  }\n": types.MySurveysDocument,
    "\n  query CycleMailDeliveries($cycleId: ID!) {\n    cycleMailDeliveries(cycleId: $cycleId) {\n      assignmentId subjectId subjectName raterName raterEmail group surveyStatus\n      invitation { mailId status reason attempts updatedAt }\n      reminder { mailId status reason attempts updatedAt }\n    }\n  }\n": types.CycleMailDeliveriesDocument,
    "\n  mutation ResendInvitation($assignmentId: ID!) {\n    resendInvitation(assignmentId: $assignmentId)\n  }\n": types.ResendInvitationDocument,
    "\n  query MailOutbox($cycleId: ID) {\n    mailOutbox(cycleId: $cycleId) { mailId kind cycleId recipientName to subject createdAt }\n  }\n": types.MailOutboxDocument,
    "\n  query MailOutboxMessage($mailId: ID!) {\n    mailOutboxMessage(mailId: $mailId) { mailId to subject text html link }\n  }\n": types.MailOutboxMessageDocument,
    "\n  query SurveyLinksCsv($cycleId: ID!) {\n    surveyLinksCsv(cycleId: $cycleId)\n  }\n": types.SurveyLinksCsvDocument,
    "\n  fragment ProgressFields on CycleProgress {\n    cycleId\n    status\n    invited\n    started\n    submitted\n    responseRate\n    subjects {\n      subject { id name title department }\n      groups { group invited started submitted }\n      nonResponders { group started rater { id name email } }\n    }\n  }\n": types.ProgressFieldsFragmentDoc,
    "\n  query CycleProgress($cycleId: ID!) {\n    cycleProgress(cycleId: $cycleId) { ...ProgressFields }\n  }\n": types.CycleProgressDocument,
    "\n  subscription CycleProgressChanged($cycleId: ID!) {\n    cycleProgressChanged(cycleId: $cycleId) { ...ProgressFields }\n  }\n": types.CycleProgressChangedDocument,
    "\n  query CycleReliability($cycleId: ID!) {\n    cycleReliability(cycleId: $cycleId) {\n      cycleId\n      scoredAt\n      subjectCount\n      target\n      alpha { name alpha }\n      groups { group icc1 icck subjects }\n      norms { available }\n      projection {\n        subject { id name }\n        groups { group invited sourceNote projected ratersForTarget warnings { code message } }\n      }\n    }\n  }\n": types.CycleReliabilityDocument,
    "\n  fragment ReportFields on SubjectReport {\n    cycleId\n    resultSet\n    visibility\n    reportVersion\n    responseCount\n    scoredAt\n    roleProfileId\n    subject { id name title department }\n    overall { others self fit gap dimensionsIncluded dimensionsTotal }\n    dimensions {\n      dimensionId\n      name\n      target\n      fit\n      gap\n      others { n mean ciLow ciHigh suppressed suppressionReason includes }\n      groups { group n mean ciLow ciHigh sd rwg suppressed suppressionReason }\n    }\n    strengthsByFit { dimensionId name others target fit }\n    developmentAreasByFit { dimensionId name others target fit }\n    strengths { dimensionId name others target fit }\n    developmentAreas { dimensionId name others target fit }\n    blindSpots { dimensionId name self others gap ciLow ciHigh }\n    hiddenStrengths { dimensionId name self others gap ciLow ciHigh }\n    transitionRisks { id name description status signalsOn signalsEvaluated minSignals }\n    lowAgreement { dimensionId name scope n rwg }\n    readiness { profileId name status share meets assessed meanFit }\n    comments { dimensionId group text }\n    items { itemId text dimensionId gap others { n mean ciLow ciHigh suppressed suppressionReason includes } groups { group n mean suppressed } }\n    highestItems { itemId text dimensionId others n ciLow ciHigh }\n    lowestItems { itemId text dimensionId others n ciLow ciHigh }\n    comparisons {\n      norms { dimensionId name organisationCycles cycle { percentile normSize available reason } organisation { percentile normSize available reason } }\n      trend { previousCycleId previousInstrumentVersion instrumentVersion ratersInCommon dimensions { dimensionId name previous current change ciLow ciHigh call itemsInCommon previousRaters currentRaters } }\n    }\n  }\n": types.ReportFieldsFragmentDoc,
    "\n  query SubjectReport($cycleId: ID!, $subjectId: ID!, $resultSet: String) {\n    subjectReport(cycleId: $cycleId, subjectId: $subjectId, resultSet: $resultSet) { ...ReportFields }\n  }\n": types.SubjectReportDocument,
    "\n  subscription SubjectReportChanged($cycleId: ID!, $subjectId: ID!) {\n    subjectReportChanged(cycleId: $cycleId, subjectId: $subjectId) { ...ReportFields }\n  }\n": types.SubjectReportChangedDocument,
    "\n  query RaterSurvey($token: String!) {\n    raterSurvey(token: $token) {\n      cycleName\n      subjectName\n      relationship\n      identifiable\n      anonymityThreshold\n      anonymityNote\n      closesAt\n      closedAt\n      status\n      submittedAt\n      notAbleToRateLabel\n      scale { value label }\n      dimensions { id name description items { id text } }\n      answers { itemId value }\n      comments { dimensionId text }\n    }\n  }\n": types.RaterSurveyDocument,
    "\n  mutation SaveSurveyDraft($input: SurveyAnswersInput!) {\n    saveSurveyDraft(input: $input) { answered total savedAt }\n  }\n": types.SaveSurveyDraftDocument,
    "\n  mutation SubmitSurvey($input: SubmitSurveyInput!) {\n    submitSurvey(input: $input) {\n      submissionId\n      status\n      acceptedAt\n      reasons { field message }\n    }\n  }\n": types.SubmitSurveyDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n      query R($cycleId: ID!, $subjectId: ID!) {\n        subjectReport(cycleId: $cycleId, subjectId: $subjectId) { cycleId transitionRisks { id name description status signalsOn signalsEvaluated minSignals } }\n      }\n    "): (typeof documents)["\n      query R($cycleId: ID!, $subjectId: ID!) {\n        subjectReport(cycleId: $cycleId, subjectId: $subjectId) { cycleId transitionRisks { id name description status signalsOn signalsEvaluated minSignals } }\n      }\n    "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Instruments {\n    instruments {\n      id\n      name\n      versions\n      latestVersion\n      roleProfiles {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  query Instruments {\n    instruments {\n      id\n      name\n      versions\n      latestVersion\n      roleProfiles {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Me {\n    me {\n      accountId\n      email\n      roles\n      organisation { id name }\n      person { id name title department }\n    }\n  }\n"): (typeof documents)["\n  query Me {\n    me {\n      accountId\n      email\n      roles\n      organisation { id name }\n      person { id name title department }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      token\n      expiresAt\n    }\n  }\n"): (typeof documents)["\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      token\n      expiresAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Logout {\n    logout\n  }\n"): (typeof documents)["\n  mutation Logout {\n    logout\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CycleFields on Cycle {\n    id\n    name\n    status\n    instrumentId\n    instrumentVersion\n    roleProfileId\n    anonymityThreshold\n    maxRatersPerGroup\n    opensAt\n    closesAt\n    launchedAt\n    closedAt\n    releasedAt\n    minRaters { group count }\n    subjects { id name title department managerId }\n  }\n"): (typeof documents)["\n  fragment CycleFields on Cycle {\n    id\n    name\n    status\n    instrumentId\n    instrumentVersion\n    roleProfileId\n    anonymityThreshold\n    maxRatersPerGroup\n    opensAt\n    closesAt\n    launchedAt\n    closedAt\n    releasedAt\n    minRaters { group count }\n    subjects { id name title department managerId }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Cycles {\n    cycles { ...CycleFields }\n  }\n"): (typeof documents)["\n  query Cycles {\n    cycles { ...CycleFields }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Cycle($id: ID!) {\n    cycle(id: $id) { ...CycleFields }\n  }\n"): (typeof documents)["\n  query Cycle($id: ID!) {\n    cycle(id: $id) { ...CycleFields }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateCycle($input: CreateCycleInput!) {\n    createCycle(input: $input) { ...CycleFields }\n  }\n"): (typeof documents)["\n  mutation CreateCycle($input: CreateCycleInput!) {\n    createCycle(input: $input) { ...CycleFields }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddSubjects($cycleId: ID!, $personIds: [ID!]!) {\n    addSubjects(cycleId: $cycleId, personIds: $personIds) { ...CycleFields }\n  }\n"): (typeof documents)["\n  mutation AddSubjects($cycleId: ID!, $personIds: [ID!]!) {\n    addSubjects(cycleId: $cycleId, personIds: $personIds) { ...CycleFields }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Nominations($cycleId: ID!, $subjectId: ID) {\n    nominations(cycleId: $cycleId, subjectId: $subjectId) {\n      id\n      subjectId\n      group\n      source\n      status\n      rater { id name title department }\n    }\n  }\n"): (typeof documents)["\n  query Nominations($cycleId: ID!, $subjectId: ID) {\n    nominations(cycleId: $cycleId, subjectId: $subjectId) {\n      id\n      subjectId\n      group\n      source\n      status\n      rater { id name title department }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ProposeRaters($cycleId: ID!, $subjectId: ID) {\n    proposeRaters(cycleId: $cycleId, subjectId: $subjectId) { id }\n  }\n"): (typeof documents)["\n  mutation ProposeRaters($cycleId: ID!, $subjectId: ID) {\n    proposeRaters(cycleId: $cycleId, subjectId: $subjectId) { id }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation NominateRater($input: NominateRaterInput!) {\n    nominateRater(input: $input) { id }\n  }\n"): (typeof documents)["\n  mutation NominateRater($input: NominateRaterInput!) {\n    nominateRater(input: $input) { id }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ApproveNominations($cycleId: ID!, $subjectId: ID!) {\n    approveNominations(cycleId: $cycleId, subjectId: $subjectId) { id status }\n  }\n"): (typeof documents)["\n  mutation ApproveNominations($cycleId: ID!, $subjectId: ID!) {\n    approveNominations(cycleId: $cycleId, subjectId: $subjectId) { id status }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LaunchCycle($cycleId: ID!) {\n    launchCycle(cycleId: $cycleId) { ...CycleFields }\n  }\n"): (typeof documents)["\n  mutation LaunchCycle($cycleId: ID!) {\n    launchCycle(cycleId: $cycleId) { ...CycleFields }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SendReminders($cycleId: ID!) {\n    sendReminders(cycleId: $cycleId)\n  }\n"): (typeof documents)["\n  mutation SendReminders($cycleId: ID!) {\n    sendReminders(cycleId: $cycleId)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CloseCycle($cycleId: ID!) {\n    closeCycle(cycleId: $cycleId) { ...CycleFields }\n  }\n"): (typeof documents)["\n  mutation CloseCycle($cycleId: ID!) {\n    closeCycle(cycleId: $cycleId) { ...CycleFields }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReleaseResults($cycleId: ID!) {\n    releaseResults(cycleId: $cycleId) { ...CycleFields }\n  }\n"): (typeof documents)["\n  mutation ReleaseResults($cycleId: ID!) {\n    releaseResults(cycleId: $cycleId) { ...CycleFields }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RescoreCycle($cycleId: ID!, $instrumentVersion: Int, $roleProfileId: String) {\n    rescoreCycle(cycleId: $cycleId, instrumentVersion: $instrumentVersion, roleProfileId: $roleProfileId) {\n      rescoreId\n      instrumentVersion\n      roleProfileId\n    }\n  }\n"): (typeof documents)["\n  mutation RescoreCycle($cycleId: ID!, $instrumentVersion: Int, $roleProfileId: String) {\n    rescoreCycle(cycleId: $cycleId, instrumentVersion: $instrumentVersion, roleProfileId: $roleProfileId) {\n      rescoreId\n      instrumentVersion\n      roleProfileId\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ResultSets($cycleId: ID!) {\n    resultSets(cycleId: $cycleId)\n  }\n"): (typeof documents)["\n  query ResultSets($cycleId: ID!) {\n    resultSets(cycleId: $cycleId)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RaterInvitations($cycleId: ID!) {\n    raterInvitations(cycleId: $cycleId) {\n      assignmentId\n      group\n      path\n      status\n      token\n      rater { id name email }\n      subject { id name }\n    }\n  }\n"): (typeof documents)["\n  query RaterInvitations($cycleId: ID!) {\n    raterInvitations(cycleId: $cycleId) {\n      assignmentId\n      group\n      path\n      status\n      token\n      rater { id name email }\n      subject { id name }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CycleResultsCsv($cycleId: ID!) {\n    cycleResultsCsv(cycleId: $cycleId)\n  }\n"): (typeof documents)["\n  query CycleResultsCsv($cycleId: ID!) {\n    cycleResultsCsv(cycleId: $cycleId)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment HeatmapFields on Heatmap {\n    cycleId\n    dimensions { id name }\n    rows {\n      subject { id name title department }\n      overallFit\n      responseCount\n      cells { dimensionId mean fit suppressed }\n    }\n  }\n"): (typeof documents)["\n  fragment HeatmapFields on Heatmap {\n    cycleId\n    dimensions { id name }\n    rows {\n      subject { id name title department }\n      overallFit\n      responseCount\n      cells { dimensionId mean fit suppressed }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CycleHeatmap($cycleId: ID!, $first: Int, $after: String, $filter: HeatmapFilter, $sort: HeatmapSort) {\n    cycleHeatmap(cycleId: $cycleId, first: $first, after: $after, filter: $filter, sort: $sort) {\n      ...HeatmapFields\n      totalCount\n      pageInfo { endCursor hasNextPage }\n    }\n  }\n"): (typeof documents)["\n  query CycleHeatmap($cycleId: ID!, $first: Int, $after: String, $filter: HeatmapFilter, $sort: HeatmapSort) {\n    cycleHeatmap(cycleId: $cycleId, first: $first, after: $after, filter: $filter, sort: $sort) {\n      ...HeatmapFields\n      totalCount\n      pageInfo { endCursor hasNextPage }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TeamReport($cycleId: ID!) {\n    teamReport(cycleId: $cycleId) { ...HeatmapFields }\n  }\n"): (typeof documents)["\n  query TeamReport($cycleId: ID!) {\n    teamReport(cycleId: $cycleId) { ...HeatmapFields }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ImportPeople($csv: String!, $dryRun: Boolean!, $importId: ID) {\n    importPeople(csv: $csv, dryRun: $dryRun, importId: $importId) {\n      applied\n      dryRun\n      rows\n      created\n      updated\n      unchanged\n      errors { line column reason }\n      preview { line employeeId name email managerEmployeeId action }\n    }\n  }\n"): (typeof documents)["\n  mutation ImportPeople($csv: String!, $dryRun: Boolean!, $importId: ID) {\n    importPeople(csv: $csv, dryRun: $dryRun, importId: $importId) {\n      applied\n      dryRun\n      rows\n      created\n      updated\n      unchanged\n      errors { line column reason }\n      preview { line employeeId name email managerEmployeeId action }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query People($search: String, $leadersOfLeadersOnly: Boolean, $limit: Int) {\n    people(search: $search, leadersOfLeadersOnly: $leadersOfLeadersOnly, limit: $limit) {\n      id\n      employeeId\n      name\n      email\n      title\n      department\n      managerId\n      directReportCount\n      isLeaderOfLeaders\n    }\n  }\n"): (typeof documents)["\n  query People($search: String, $leadersOfLeadersOnly: Boolean, $limit: Int) {\n    people(search: $search, leadersOfLeadersOnly: $leadersOfLeadersOnly, limit: $limit) {\n      id\n      employeeId\n      name\n      email\n      title\n      department\n      managerId\n      directReportCount\n      isLeaderOfLeaders\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ImportProgress($importId: ID!) {\n    importProgress(importId: $importId) { phase done total }\n  }\n"): (typeof documents)["\n  subscription ImportProgress($importId: ID!) {\n    importProgress(importId: $importId) { phase done total }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateAccount($personId: ID!, $hrAdmin: Boolean!) {\n    createAccount(personId: $personId, hrAdmin: $hrAdmin) {\n      accountId\n      email\n      temporaryPassword\n    }\n  }\n"): (typeof documents)["\n  mutation CreateAccount($personId: ID!, $hrAdmin: Boolean!) {\n    createAccount(personId: $personId, hrAdmin: $hrAdmin) {\n      accountId\n      email\n      temporaryPassword\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MySurveys {\n    mySurveys { assignmentId cycleId cycleName subjectName relationship status closesAt path }\n  }\n"): (typeof documents)["\n  query MySurveys {\n    mySurveys { assignmentId cycleId cycleName subjectName relationship status closesAt path }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CycleMailDeliveries($cycleId: ID!) {\n    cycleMailDeliveries(cycleId: $cycleId) {\n      assignmentId subjectId subjectName raterName raterEmail group surveyStatus\n      invitation { mailId status reason attempts updatedAt }\n      reminder { mailId status reason attempts updatedAt }\n    }\n  }\n"): (typeof documents)["\n  query CycleMailDeliveries($cycleId: ID!) {\n    cycleMailDeliveries(cycleId: $cycleId) {\n      assignmentId subjectId subjectName raterName raterEmail group surveyStatus\n      invitation { mailId status reason attempts updatedAt }\n      reminder { mailId status reason attempts updatedAt }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResendInvitation($assignmentId: ID!) {\n    resendInvitation(assignmentId: $assignmentId)\n  }\n"): (typeof documents)["\n  mutation ResendInvitation($assignmentId: ID!) {\n    resendInvitation(assignmentId: $assignmentId)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MailOutbox($cycleId: ID) {\n    mailOutbox(cycleId: $cycleId) { mailId kind cycleId recipientName to subject createdAt }\n  }\n"): (typeof documents)["\n  query MailOutbox($cycleId: ID) {\n    mailOutbox(cycleId: $cycleId) { mailId kind cycleId recipientName to subject createdAt }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MailOutboxMessage($mailId: ID!) {\n    mailOutboxMessage(mailId: $mailId) { mailId to subject text html link }\n  }\n"): (typeof documents)["\n  query MailOutboxMessage($mailId: ID!) {\n    mailOutboxMessage(mailId: $mailId) { mailId to subject text html link }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SurveyLinksCsv($cycleId: ID!) {\n    surveyLinksCsv(cycleId: $cycleId)\n  }\n"): (typeof documents)["\n  query SurveyLinksCsv($cycleId: ID!) {\n    surveyLinksCsv(cycleId: $cycleId)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ProgressFields on CycleProgress {\n    cycleId\n    status\n    invited\n    started\n    submitted\n    responseRate\n    subjects {\n      subject { id name title department }\n      groups { group invited started submitted }\n      nonResponders { group started rater { id name email } }\n    }\n  }\n"): (typeof documents)["\n  fragment ProgressFields on CycleProgress {\n    cycleId\n    status\n    invited\n    started\n    submitted\n    responseRate\n    subjects {\n      subject { id name title department }\n      groups { group invited started submitted }\n      nonResponders { group started rater { id name email } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CycleProgress($cycleId: ID!) {\n    cycleProgress(cycleId: $cycleId) { ...ProgressFields }\n  }\n"): (typeof documents)["\n  query CycleProgress($cycleId: ID!) {\n    cycleProgress(cycleId: $cycleId) { ...ProgressFields }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription CycleProgressChanged($cycleId: ID!) {\n    cycleProgressChanged(cycleId: $cycleId) { ...ProgressFields }\n  }\n"): (typeof documents)["\n  subscription CycleProgressChanged($cycleId: ID!) {\n    cycleProgressChanged(cycleId: $cycleId) { ...ProgressFields }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CycleReliability($cycleId: ID!) {\n    cycleReliability(cycleId: $cycleId) {\n      cycleId\n      scoredAt\n      subjectCount\n      target\n      alpha { name alpha }\n      groups { group icc1 icck subjects }\n      norms { available }\n      projection {\n        subject { id name }\n        groups { group invited sourceNote projected ratersForTarget warnings { code message } }\n      }\n    }\n  }\n"): (typeof documents)["\n  query CycleReliability($cycleId: ID!) {\n    cycleReliability(cycleId: $cycleId) {\n      cycleId\n      scoredAt\n      subjectCount\n      target\n      alpha { name alpha }\n      groups { group icc1 icck subjects }\n      norms { available }\n      projection {\n        subject { id name }\n        groups { group invited sourceNote projected ratersForTarget warnings { code message } }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ReportFields on SubjectReport {\n    cycleId\n    resultSet\n    visibility\n    reportVersion\n    responseCount\n    scoredAt\n    roleProfileId\n    subject { id name title department }\n    overall { others self fit gap dimensionsIncluded dimensionsTotal }\n    dimensions {\n      dimensionId\n      name\n      target\n      fit\n      gap\n      others { n mean ciLow ciHigh suppressed suppressionReason includes }\n      groups { group n mean ciLow ciHigh sd rwg suppressed suppressionReason }\n    }\n    strengthsByFit { dimensionId name others target fit }\n    developmentAreasByFit { dimensionId name others target fit }\n    strengths { dimensionId name others target fit }\n    developmentAreas { dimensionId name others target fit }\n    blindSpots { dimensionId name self others gap ciLow ciHigh }\n    hiddenStrengths { dimensionId name self others gap ciLow ciHigh }\n    transitionRisks { id name description status signalsOn signalsEvaluated minSignals }\n    lowAgreement { dimensionId name scope n rwg }\n    readiness { profileId name status share meets assessed meanFit }\n    comments { dimensionId group text }\n    items { itemId text dimensionId gap others { n mean ciLow ciHigh suppressed suppressionReason includes } groups { group n mean suppressed } }\n    highestItems { itemId text dimensionId others n ciLow ciHigh }\n    lowestItems { itemId text dimensionId others n ciLow ciHigh }\n    comparisons {\n      norms { dimensionId name organisationCycles cycle { percentile normSize available reason } organisation { percentile normSize available reason } }\n      trend { previousCycleId previousInstrumentVersion instrumentVersion ratersInCommon dimensions { dimensionId name previous current change ciLow ciHigh call itemsInCommon previousRaters currentRaters } }\n    }\n  }\n"): (typeof documents)["\n  fragment ReportFields on SubjectReport {\n    cycleId\n    resultSet\n    visibility\n    reportVersion\n    responseCount\n    scoredAt\n    roleProfileId\n    subject { id name title department }\n    overall { others self fit gap dimensionsIncluded dimensionsTotal }\n    dimensions {\n      dimensionId\n      name\n      target\n      fit\n      gap\n      others { n mean ciLow ciHigh suppressed suppressionReason includes }\n      groups { group n mean ciLow ciHigh sd rwg suppressed suppressionReason }\n    }\n    strengthsByFit { dimensionId name others target fit }\n    developmentAreasByFit { dimensionId name others target fit }\n    strengths { dimensionId name others target fit }\n    developmentAreas { dimensionId name others target fit }\n    blindSpots { dimensionId name self others gap ciLow ciHigh }\n    hiddenStrengths { dimensionId name self others gap ciLow ciHigh }\n    transitionRisks { id name description status signalsOn signalsEvaluated minSignals }\n    lowAgreement { dimensionId name scope n rwg }\n    readiness { profileId name status share meets assessed meanFit }\n    comments { dimensionId group text }\n    items { itemId text dimensionId gap others { n mean ciLow ciHigh suppressed suppressionReason includes } groups { group n mean suppressed } }\n    highestItems { itemId text dimensionId others n ciLow ciHigh }\n    lowestItems { itemId text dimensionId others n ciLow ciHigh }\n    comparisons {\n      norms { dimensionId name organisationCycles cycle { percentile normSize available reason } organisation { percentile normSize available reason } }\n      trend { previousCycleId previousInstrumentVersion instrumentVersion ratersInCommon dimensions { dimensionId name previous current change ciLow ciHigh call itemsInCommon previousRaters currentRaters } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SubjectReport($cycleId: ID!, $subjectId: ID!, $resultSet: String) {\n    subjectReport(cycleId: $cycleId, subjectId: $subjectId, resultSet: $resultSet) { ...ReportFields }\n  }\n"): (typeof documents)["\n  query SubjectReport($cycleId: ID!, $subjectId: ID!, $resultSet: String) {\n    subjectReport(cycleId: $cycleId, subjectId: $subjectId, resultSet: $resultSet) { ...ReportFields }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription SubjectReportChanged($cycleId: ID!, $subjectId: ID!) {\n    subjectReportChanged(cycleId: $cycleId, subjectId: $subjectId) { ...ReportFields }\n  }\n"): (typeof documents)["\n  subscription SubjectReportChanged($cycleId: ID!, $subjectId: ID!) {\n    subjectReportChanged(cycleId: $cycleId, subjectId: $subjectId) { ...ReportFields }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RaterSurvey($token: String!) {\n    raterSurvey(token: $token) {\n      cycleName\n      subjectName\n      relationship\n      identifiable\n      anonymityThreshold\n      anonymityNote\n      closesAt\n      closedAt\n      status\n      submittedAt\n      notAbleToRateLabel\n      scale { value label }\n      dimensions { id name description items { id text } }\n      answers { itemId value }\n      comments { dimensionId text }\n    }\n  }\n"): (typeof documents)["\n  query RaterSurvey($token: String!) {\n    raterSurvey(token: $token) {\n      cycleName\n      subjectName\n      relationship\n      identifiable\n      anonymityThreshold\n      anonymityNote\n      closesAt\n      closedAt\n      status\n      submittedAt\n      notAbleToRateLabel\n      scale { value label }\n      dimensions { id name description items { id text } }\n      answers { itemId value }\n      comments { dimensionId text }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SaveSurveyDraft($input: SurveyAnswersInput!) {\n    saveSurveyDraft(input: $input) { answered total savedAt }\n  }\n"): (typeof documents)["\n  mutation SaveSurveyDraft($input: SurveyAnswersInput!) {\n    saveSurveyDraft(input: $input) { answered total savedAt }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SubmitSurvey($input: SubmitSurveyInput!) {\n    submitSurvey(input: $input) {\n      submissionId\n      status\n      acceptedAt\n      reasons { field message }\n    }\n  }\n"): (typeof documents)["\n  mutation SubmitSurvey($input: SubmitSurveyInput!) {\n    submitSurvey(input: $input) {\n      submissionId\n      status\n      acceptedAt\n      reasons { field message }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;