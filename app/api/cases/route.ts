import { listCases } from '@/graph/cases.repo';
import { handle } from '../_lib/respond';

export const dynamic = 'force-dynamic';

export function GET() {
  return handle(() => null, () => listCases(), 'no cases');
}
