import { InboxOutlined } from '@ant-design/icons';
import { Upload, type UploadFile, type UploadProps } from 'antd';
import { ApiError, type Schemas } from '../../api/client';
import { useErrorSentence } from '../../api/error-sentences';
import { defineMessages, useT } from '../../i18n/language';

export type EvidenceFile = Schemas['EvidenceFileView'];
type UploadRequestOption = Parameters<NonNullable<UploadProps['customRequest']>>[0];

const messages = defineMessages({
  zh: { drop: '点击或拖入文件上传', hint: 'PDF 或图片（PNG、JPEG、WebP），按文件内容识别类型' },
  en: { drop: 'Click or drop files to upload', hint: 'PDF or images (PNG, JPEG, WebP), recognised by their content' },
});

/** Sends one file to POST /api/v1/evidence-files with the session cookie and the console's header. */
async function uploadEvidence(file: File): Promise<EvidenceFile> {
  const body = new FormData();
  body.append('file', file, file.name);
  const response = await fetch('/api/v1/evidence-files', { method: 'POST', body, credentials: 'same-origin', headers: { 'X-Requested-With': 'console' } });
  const answer: unknown = await response.json().catch(() => undefined);
  if (!response.ok) throw ApiError.fromBody(response.status, answer, response.headers.get('Retry-After'));
  return answer as EvidenceFile;
}

/**
 * Evidence files for an answer (corrective action, information request, test report): each file is
 * uploaded as soon as it is chosen and refused on the spot when the API refuses it (type, size);
 * `onChange` gets the ids of the files that were accepted, for the answer's `evidenceFileIds`.
 */
export function EvidenceUpload({
  value,
  onChange,
  max = 10,
}: {
  value?: UploadFile<EvidenceFile>[];
  onChange?: (files: UploadFile<EvidenceFile>[]) => void;
  max?: number;
}) {
  const t = useT(messages);
  const sentence = useErrorSentence();
  const customRequest = (options: UploadRequestOption) => {
    uploadEvidence(options.file as File).then(
      (uploaded) => options.onSuccess?.(uploaded),
      (error: unknown) => options.onError?.(Object.assign(new Error(sentence(error)), { status: error instanceof ApiError ? error.status : 0 })),
    );
  };
  return (
    <Upload.Dragger
      multiple
      maxCount={max}
      accept="application/pdf,image/png,image/jpeg,image/webp"
      fileList={value}
      customRequest={customRequest}
      onChange={({ fileList }) =>
        onChange?.(fileList.map((file) => (file.status === 'error' && file.error instanceof Error ? { ...file, response: file.error.message as never } : file)))
      }
    >
      <p className="ant-upload-drag-icon">
        <InboxOutlined />
      </p>
      <p className="ant-upload-text">{t('drop')}</p>
      <p className="ant-upload-hint">{t('hint')}</p>
    </Upload.Dragger>
  );
}

/** The ids of the uploaded (accepted) files of an EvidenceUpload's value. */
export const evidenceFileIds = (files: UploadFile<EvidenceFile>[] | undefined): string[] =>
  (files ?? []).filter((f) => f.status === 'done' && f.response).map((f) => f.response!.id);
