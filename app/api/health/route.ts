import { NextResponse } from 'next/server';
import { getHealth } from '@/graph/health.repo';

export const dynamic = 'force-dynamic';

/** 200 when Neo4j answers, 503 when it does not; the body says which either way. */
export async function GET() {
  const health = await getHealth();
  return NextResponse.json(health, { status: health.neo4j.status === 'up' ? 200 : 503, headers: { 'Cache-Control': 'no-store' } });
}
