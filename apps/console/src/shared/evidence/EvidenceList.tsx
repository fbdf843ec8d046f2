import { FileOutlined } from '@ant-design/icons';
import { Space, Typography } from 'antd';
import type { Schemas } from '../../api/client';

type EvidenceRef = Schemas['EvidenceFileRef'];

const kilobytes = (size: number): string => (size < 1024 * 1024 ? `${Math.ceil(size / 1024)} KB` : `${(size / 1024 / 1024).toFixed(1)} MB`);

/** Attached evidence files as download links: the session cookie opens them (GET needs no header). */
export function EvidenceList({ files }: { files: EvidenceRef[] | undefined }) {
  if (!files?.length) return null;
  return (
    <Space orientation="vertical" size={2}>
      {files.map((file) => (
        <Typography.Link key={file.id} href={`/api/v1/evidence-files/${file.id}/content`} download>
          <FileOutlined /> {file.fileName} ({kilobytes(file.size)})
        </Typography.Link>
      ))}
    </Space>
  );
}
