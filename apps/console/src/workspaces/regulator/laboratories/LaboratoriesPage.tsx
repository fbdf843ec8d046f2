import { UploadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Modal, Space, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, ApiError, unwrap, type Schemas } from '../../../api/client';
import { useErrorSentence } from '../../../api/error-sentences';
import { defineMessages, useLanguage, useT } from '../../../i18n/language';
import { PagedTable } from '../../../shared/PagedTable';
import { StatusTag } from '../../../shared/StatusTag';
import { useListParams } from '../../../shared/url-state';
import { nameIn } from '../common';
import { IMPORT_PROBLEMS } from './import-problems';
import { PageTitle } from '../../../shared/PageTitle';
import { ListSearch } from '../../../shared/ListSearch';
import { StatusSelect } from '../../../shared/StatusFilter';

const messages = defineMessages({
  zh: {
    title: '检测实验室名录',
    caption: 'CNAS 认可的检测实验室及其认可范围',
    search: '按认可编号、名称或检测参数搜索',
    status: '状态',
    cnasNumber: 'CNAS 认可编号',
    name: '名称',
    validity: '认可有效期',
    scopeLines: '范围条目',
    import: '导入 CSV',
    importTitle: '导入实验室名录（CSV）',
    importHint:
      '每行一条认可范围，实验室各列在其每一行重复；首行为列名：cnas_number, name_zh, name_en, address, accredited_from, accredited_until, status, object_tested, parameter_zh, parameter_en, standard_code, clause, limits。UTF-8 编码（可带 BOM），最大 2 MiB、5000 行。整个文件校验通过才写入。',
    choose: '选择 CSV 文件',
    imported: '已导入：新增 {created} 家，更新 {updated} 家，共 {lines} 条范围',
    refused: '文件未导入，请修改以下错误后重新上传：',
    line: '行',
    column: '列',
    message: '问题',
    close: '关闭',
  },
  en: {
    title: 'Laboratory register',
    caption: 'CNAS-accredited testing laboratories and their scope',
    search: 'Search by CNAS number, name or parameter',
    status: 'Status',
    cnasNumber: 'CNAS number',
    name: 'Name',
    validity: 'Accredited',
    scopeLines: 'Scope lines',
    import: 'Import CSV',
    importTitle: 'Import the laboratory register (CSV)',
    importHint:
      'One row per scope line, the laboratory’s columns repeated on each of its rows; the first row names the columns: cnas_number, name_zh, name_en, address, accredited_from, accredited_until, status, object_tested, parameter_zh, parameter_en, standard_code, clause, limits. UTF-8 (BOM allowed), at most 2 MiB and 5,000 rows. Nothing is written unless the whole file is valid.',
    choose: 'Choose a CSV file',
    imported: 'Imported: {created} added, {updated} updated, {lines} scope lines',
    refused: 'The file was not imported; correct these errors and upload it again:',
    line: 'Line',
    column: 'Column',
    message: 'Problem',
    close: 'Close',
  },
});

const FILTERS = ['q', 'status'] as const;
type Laboratory = Schemas['LaboratorySummary'];

export default function LaboratoriesPage() {
  const t = useT(messages);
  const { language } = useLanguage();
  const { page, pageSize, filters, setFilters, setPage } = useListParams(FILTERS);
  const [importing, setImporting] = useState(false);
  return (
    <>
      <PageTitle title={t('title')}>
        <Button type="primary" icon={<UploadOutlined />} onClick={() => setImporting(true)}>
          {t('import')}
        </Button>
      </PageTitle>
      <Space wrap style={{ marginBottom: 16 }}>
        <ListSearch label={t('search')} value={filters.q} onSearch={(q) => setFilters({ q })} width={320} />
        <StatusSelect family="laboratory" label={t('status')} value={filters.status} onChange={(status) => setFilters({ status })} width={140} />
      </Space>
      <PagedTable<Laboratory>
        queryKey={['laboratories', filters]}
        fetchPage={(p, size) =>
          unwrap(
            api.GET('/api/v1/laboratories', {
              params: { query: { page: p, pageSize: size, q: filters.q, status: filters.status as Laboratory['status'] | undefined } },
            }),
          )
        }
        page={page}
        pageSize={pageSize}
        onPageChange={setPage}
        rowKey="id"
        caption={t('caption')}
        columns={[
          { title: t('cnasNumber'), key: 'cnas', render: (_, l) => <Link to={`/laboratories/${l.id}`}>{l.cnasNumber}</Link> },
          { title: t('name'), key: 'name', render: (_, l) => nameIn(language, l.nameZh, l.nameEn) },
          { title: t('validity'), key: 'validity', render: (_, l) => `${l.accreditedFrom} – ${l.accreditedUntil}` },
          { title: t('scopeLines'), dataIndex: 'scopeLineCount' },
          { title: t('status'), dataIndex: 'status', render: (s: string) => <StatusTag family="laboratory" status={s} /> },
        ]}
      />
      {importing && <ImportLaboratories onClose={() => setImporting(false)} />}
    </>
  );
}

/** Sends the file to POST /api/v1/laboratories/import with the session cookie and the console's header. */
async function importFile(file: File): Promise<Schemas['LaboratoryImportView']> {
  const body = new FormData();
  body.append('file', file, file.name);
  const response = await fetch('/api/v1/laboratories/import', { method: 'POST', body, credentials: 'same-origin', headers: { 'X-Requested-With': 'console' } });
  const answer: unknown = await response.json().catch(() => undefined);
  if (!response.ok) throw ApiError.fromBody(response.status, answer, response.headers.get('Retry-After'));
  return answer as Schemas['LaboratoryImportView'];
}

/** One error of a refused import, as the 400 lists them in details.errors. */
interface ImportError {
  line: number;
  column: string | null;
  code?: string;
  params?: Record<string, string | number>;
  message: string;
}

function ImportLaboratories({ onClose }: { onClose: () => void }) {
  const t = useT(messages);
  const problem = useT(IMPORT_PROBLEMS);
  const say = (e: ImportError): string => (e.code && e.code in IMPORT_PROBLEMS.en ? problem(e.code as keyof typeof IMPORT_PROBLEMS.en, e.params) : e.message);
  const sentence = useErrorSentence();
  const client = useQueryClient();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<Schemas['LaboratoryImportView']>();
  const [errors, setErrors] = useState<ImportError[]>();
  const [failure, setFailure] = useState<string>();
  const send = async (file: File) => {
    setBusy(true);
    setResult(undefined);
    setErrors(undefined);
    setFailure(undefined);
    try {
      setResult(await importFile(file));
      void client.invalidateQueries({ queryKey: ['laboratories'] });
    } catch (error) {
      const listed = error instanceof ApiError ? (error.details.errors as ImportError[] | undefined) : undefined;
      if (listed?.length) setErrors(listed);
      else setFailure(sentence(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open title={t('importTitle')} onCancel={onClose} footer={<Button onClick={onClose}>{t('close')}</Button>} width={760}>
      <Typography.Paragraph type="secondary">{t('importHint')}</Typography.Paragraph>
      <Upload
        accept=".csv,text/csv"
        showUploadList={false}
        beforeUpload={(file) => {
          void send(file);
          return false;
        }}
      >
        <Button icon={<UploadOutlined />} loading={busy}>
          {t('choose')}
        </Button>
      </Upload>
      {result && (
        <Alert
          type="success"
          showIcon
          role="status"
          style={{ marginTop: 16 }}
          title={t('imported', { created: String(result.created.length), updated: String(result.updated.length), lines: String(result.scopeLines) })}
        />
      )}
      {failure && <Alert type="error" showIcon role="alert" style={{ marginTop: 16 }} title={failure} />}
      {errors && (
        <>
          <Alert type="error" showIcon role="alert" style={{ marginTop: 16, marginBottom: 8 }} title={t('refused')} />
          <Table<ImportError>
            size="small"
            rowKey={(e) => `${e.line}-${e.column ?? ''}-${e.message}`}
            pagination={false}
            dataSource={errors}
            columns={[
              { title: t('line'), dataIndex: 'line', width: 70 },
              { title: t('column'), dataIndex: 'column', width: 160, render: (c: string | null) => c ?? '—' },
              { title: t('message'), key: 'message', render: (_: unknown, e: ImportError) => say(e) },
            ]}
          />
        </>
      )}
    </Modal>
  );
}
