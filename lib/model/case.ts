import '../zod';
import { z } from 'zod';
import { CASE_ID_PATTERN } from './ids';

export const CaseId = z.string().regex(CASE_ID_PATTERN, 'a case id is a lowercase slug such as kazakhstan-2022-01');

export const Case = z.object({
  id: CaseId,
  title: z.string().min(1).max(300),
  summary: z.string().max(5000),
});
export type Case = z.infer<typeof Case>;
