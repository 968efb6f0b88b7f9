import {
  Bar,
  BarChart,
  Cell,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { Grade } from '../../api/types';
import { GRADE_COLOURS, GRADES } from '../common/grades';

/** How many services hold each grade, as a sentence for screen readers. */
export function gradeSentence(counts: Record<Grade, number>): string {
  return GRADES.map(grade => `${grade}: ${counts[grade] ?? 0}`).join(', ');
}

/** Services per grade; the bars are labelled by letter, not by colour alone. */
export function GradeDistributionChart({
  counts,
}: {
  counts: Record<Grade, number>;
}) {
  const data = GRADES.map(grade => ({ grade, services: counts[grade] ?? 0 }));
  return (
    <div role="img" aria-label={`Grade distribution: ${gradeSentence(counts)}`}>
      <div style={{ width: '100%', height: 120 }}>
        <ResponsiveContainer>
          <BarChart data={data}>
            <XAxis dataKey="grade" />
            <YAxis allowDecimals={false} width={30} />
            <Tooltip />
            <Bar dataKey="services" name="Services" isAnimationActive={false}>
              {data.map(entry => (
                <Cell key={entry.grade} fill={GRADE_COLOURS[entry.grade]} />
              ))}
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      </div>
    </div>
  );
}
