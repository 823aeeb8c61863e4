// Stage 5: the interim self-assessment report, due three years after the accreditation
// decision. The organization's representative submits it while the case is at
// POST_ACCREDITATION: a section per standard of the case's framework, in one language.
// Once it is submitted the scheduled job sends no interim-report reminder for the case
// (jobs/scheduler.ts looks for an INTERIM report that is not a draft).
import type { Language } from '../generated/prisma/enums.ts';
import { builder } from '../graphql/builder.ts';
import { LanguageEnum } from '../graphql/shared-types.ts';
import { BusinessRuleError, userError, type UserError } from '../graphql/user-errors.ts';
import { casePayload, idOf, ReportSectionInput, reportSectionErrors, runCaseStep } from './schema.ts';
import { applyStep, assertMayTake, loadVisibleCase, requireSignedIn } from './steps.ts';

const InterimReportInput = builder.inputType('CaseSubmitInterimReportInput', {
  description: 'The organization’s interim self-assessment report, due three years after the accreditation decision: a section per standard.',
  fields: (t) => ({
    caseId: t.globalID({ required: true, description: 'Global identifier of the case.' }),
    expectedVersion: t.int({ required: true, description: 'The case’s `version` as you read it.' }),
    language: t.field({ type: LanguageEnum, required: true, description: 'The language the report is written in.' }),
    title: t.string({ required: true, description: 'Title of the report.' }),
    summary: t.string({ required: true, description: 'Summary of the organization’s progress since the decision.' }),
    sections: t.field({
      type: [ReportSectionInput],
      required: true,
      description: 'One section per standard of the case’s framework: how the organization now meets it (findings), strengths, and what it still plans.',
    }),
  }),
});

const interimPayload = casePayload('CaseSubmitInterimReportPayload', 'Result of caseSubmitInterimReport.');

builder.mutationFields((t) => ({
  caseSubmitInterimReport: t.field({
    type: interimPayload,
    authScopes: { signedIn: true },
    description:
      'Submits the interim self-assessment report (representative, at POST_ACCREDITATION): a section for every standard of the case’s framework, in one language. One interim report per language; it stops the interim-report reminder and tells the coordinators.',
    args: { input: t.arg({ type: InterimReportInput, required: true, description: 'The report.' }) },
    resolve: (_root, { input }, ctx) =>
      runCaseStep(ctx, async (tx) => {
        const viewer = requireSignedIn(ctx);
        const found = await loadVisibleCase(tx, viewer, idOf(input.caseId, 'AccreditationCase', 'caseId'));
        assertMayTake('submitInterimReport', viewer, found, input.expectedVersion);
        const standards = await tx.standard.findMany({ where: { frameworkId: found.frameworkId }, orderBy: { position: 'asc' } });
        const errors: UserError[] = [];
        for (const key of ['title', 'summary'] as const) {
          if (!input[key].trim()) errors.push(userError(key, 'REQUIRED', `The report needs its ${key}.`));
        }
        const { byCode, errors: sectionErrors } = reportSectionErrors(standards, input.sections);
        errors.push(...sectionErrors);
        if (errors.length) throw new BusinessRuleError(errors);
        const language: Language = input.language;
        const key = { caseId_kind_language: { caseId: found.id, kind: 'INTERIM' as const, language } };
        if (await tx.report.findUnique({ where: key, select: { id: true } })) {
          throw new BusinessRuleError(userError('language', 'ALREADY_EXISTS', `The interim report in ${language} is already submitted; a submitted report is not replaced.`));
        }
        const report = await tx.report.create({
          data: {
            caseId: found.id,
            organizationId: found.organizationId,
            kind: 'INTERIM',
            language,
            title: input.title.trim(),
            summary: input.summary.trim(),
            status: 'SUBMITTED',
            authorId: viewer.userId,
            sections: {
              create: standards.map((standard, index) => {
                const section = byCode.get(standard.code);
                return {
                  standardId: standard.id,
                  position: index + 1,
                  findings: section?.findings.trim() ?? '',
                  strengths: section?.strengths?.trim() || null,
                  recommendations: section?.recommendations?.trim() || null,
                };
              }),
            },
          },
        });
        await applyStep(tx, ctx, found, input.expectedVersion, {
          action: 'submitInterimReport',
          details: { reportId: report.id, language },
          message: `The interim self-assessment report (${language}) is submitted.`,
        });
        return found.id;
      }),
  }),
}));
