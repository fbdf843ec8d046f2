import { requirementProblems } from './requirement-rules';

const fields = (reqs: Parameters<typeof requirementProblems>[0]) => requirementProblems(reqs).map((p) => p.field);

describe('requirement rules', () => {
  it('accepts measured requirements with a unit and a bound, and bare pass/fail ones', () => {
    expect(
      requirementProblems([
        { clause: '4.1', kind: 'measured', unit: 'mg/kg', max: 20 },
        { clause: '4.2', kind: 'measured', unit: 'pH', min: 4, max: 7.5 },
        { clause: '4.3', kind: 'measured', unit: 'h', min: 72 },
        { clause: '4.4', kind: 'measured', unit: 'mm', min: 3, max: 3 },
        { clause: '5', kind: 'pass_fail' },
      ]),
    ).toEqual([]);
  });

  it('asks a measured requirement for a unit', () => {
    expect(requirementProblems([{ clause: '1', kind: 'measured', max: 5 }])).toEqual([
      { field: 'requirements[0].unit', reasons: ['a measured requirement needs a unit'] },
    ]);
  });

  it('asks a measured requirement for at least one bound', () => {
    expect(fields([{ clause: '1', kind: 'measured', unit: 'h' }])).toEqual(['requirements[0].min']);
  });

  it('refuses min above max, naming max', () => {
    const [problem] = requirementProblems([{ clause: '1', kind: 'measured', unit: 'h', min: 9, max: 3 }]);
    expect(problem).toEqual({ field: 'requirements[0].max', reasons: ['max (3) is below min (9)'] });
  });

  it('refuses a unit or bounds on a pass/fail requirement, each by name', () => {
    expect(fields([{ clause: '1', kind: 'pass_fail', unit: 'h', min: 0, max: 1 }])).toEqual([
      'requirements[0].unit',
      'requirements[0].min',
      'requirements[0].max',
    ]);
  });

  it('refuses a repeated clause at its second use, saying where the first is', () => {
    const problems = requirementProblems([
      { clause: '3', kind: 'pass_fail' },
      { clause: '4', kind: 'pass_fail' },
      { clause: '3', kind: 'pass_fail' },
    ]);
    expect(problems).toEqual([{ field: 'requirements[2].clause', reasons: ['clause 3 is also requirements[0]'] }]);
  });

  it('reports every problem at once, in order', () => {
    expect(
      fields([
        { clause: '1', kind: 'measured', max: 5 },
        { clause: '2', kind: 'measured', unit: 'h', min: 9, max: 3 },
        { clause: '3', kind: 'pass_fail', unit: 'h' },
        { clause: '3', kind: 'pass_fail' },
      ]),
    ).toEqual(['requirements[0].unit', 'requirements[1].max', 'requirements[2].unit', 'requirements[3].clause']);
  });
});
