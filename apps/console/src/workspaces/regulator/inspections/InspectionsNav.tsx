import { Segmented } from 'antd';
import { useLocation, useNavigate } from 'react-router';
import { defineMessages, useT } from '../../../i18n/language';

const messages = defineMessages({
  zh: { label: '双随机抽查', plans: '抽查计划', registers: '事项、对象与人员' },
  en: { label: 'Random inspections', plans: 'Plans', registers: 'Matters, targets and inspectors' },
});

/** The two halves of random inspections: the plans, and the registers they draw from. */
export function InspectionsNav() {
  const t = useT(messages);
  const navigate = useNavigate();
  const registers = useLocation().pathname.startsWith('/inspections/registers');
  return (
    <Segmented
      aria-label={t('label')}
      style={{ marginBottom: 16 }}
      value={registers ? 'registers' : 'plans'}
      options={[
        { value: 'plans', label: t('plans') },
        { value: 'registers', label: t('registers') },
      ]}
      onChange={(v) => void navigate(v === 'plans' ? '/inspections' : '/inspections/registers')}
    />
  );
}
