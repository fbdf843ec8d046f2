import { Type } from 'class-transformer';
import { IsIn, IsOptional, IsString, Length, Max, ValidateNested, validateSync } from 'class-validator';
import { flattenValidationErrors } from './validation';

class Line {
  @IsString()
  @Length(1, 100)
  parameter: string;
}

class Form {
  @IsString()
  @Length(2, 10)
  name: string;

  @IsIn(['accredited', 'suspended'])
  status: string;

  @IsOptional()
  @Max(5)
  count?: number;

  @ValidateNested({ each: true })
  @Type(() => Line)
  lines: Line[];
}

describe('flattenValidationErrors', () => {
  it('names each reason’s rule with the values its sentence needs, read from the decorators, nested fields by path', () => {
    const form = Object.assign(new Form(), { name: 'x', status: 'gone', count: 9, lines: [Object.assign(new Line(), { parameter: '' })] });
    expect(flattenValidationErrors(validateSync(form))).toEqual([
      { field: 'name', reasons: ['name must be longer than or equal to 2 characters'], rules: [{ rule: 'isLength', params: { min: 2, max: 10 } }] },
      {
        field: 'status',
        reasons: ['status must be one of the following values: accredited, suspended'],
        rules: [{ rule: 'isIn', params: { values: ['accredited', 'suspended'] } }],
      },
      { field: 'count', reasons: ['count must not be greater than 5'], rules: [{ rule: 'max', params: { max: 5 } }] },
      {
        field: 'lines[0].parameter',
        reasons: ['parameter must be longer than or equal to 1 characters'],
        rules: [{ rule: 'isLength', params: { min: 1, max: 100 } }],
      },
    ]);
  });

  it('gives a rule without values where the sentence needs none, one per reason in order', () => {
    const [name] = flattenValidationErrors(validateSync(Object.assign(new Form(), { name: 7, status: 'accredited', lines: [] })));
    expect(name.field).toBe('name');
    expect(name.rules?.map((r) => r.rule)).toEqual(['isLength', 'isString']);
    expect(name.rules?.[1]).toEqual({ rule: 'isString' });
    expect(name.rules).toHaveLength(name.reasons.length);
  });
});
