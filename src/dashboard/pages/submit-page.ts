// submit.html: the form that checks a task and opens GitHub's new-file page in the submitter's fork.
import { PRIORITIES } from '../facts.js';
import { encodePath, type Site } from '../site.js';

export function submitPage(site: Site): string {
  const policy = site.input.policy;
  const fork = site.repo?.match(/^https:\/\/github\.com\/([^/]+\/[^/]+)$/)?.[1];
  const example = `${JSON.stringify({ task_id: 'hello-1', script: 'echo hello', timeout_seconds: policy.default_timeout_seconds }, null, 2)}\n`;
  const rows: SubmitField[][] = [
    [
      {
        name: 'fork',
        label: 'Your fork',
        kind: 'text',
        hint: 'owner/repository of your fork of the grid',
        value: fork ?? '',
        required: true,
      },
    ],
    [
      {
        name: 'task_id',
        label: 'Task id',
        kind: 'text',
        hint: 'Letters, digits, dot, underscore, dash; also the file name',
        required: true,
      },
    ],
    [
      {
        name: 'script',
        label: 'Script',
        kind: 'textarea',
        rows: 6,
        hint: 'Run by /bin/sh -c inside the sandbox',
        required: true,
      },
    ],
    [
      {
        name: 'timeout_seconds',
        label: 'Timeout (seconds)',
        kind: 'number',
        min: 1,
        max: policy.max_timeout_seconds,
        placeholder: String(policy.default_timeout_seconds),
      },
      {
        name: 'priority',
        label: 'Priority',
        kind: 'select',
        options: [{ value: '', label: 'Default (normal)' }, ...PRIORITIES.map((p) => ({ value: p, label: p }))],
      },
      {
        name: 'max_attempts',
        label: 'Attempts',
        kind: 'number',
        min: 1,
        max: policy.max_attempts,
        placeholder: String(policy.default_attempts),
      },
    ],
    [
      {
        name: 'image',
        label: 'Image',
        kind: 'select',
        options: [
          { value: '', label: `Default (${policy.default_image})` },
          ...policy.allowed_images
            .filter((image) => image !== policy.default_image)
            .map((image) => ({ value: image, label: image })),
        ],
      },
    ],
    [
      { name: 'requires', label: 'Requires labels', kind: 'text', hint: 'Separated by spaces or commas' },
      { name: 'depends_on', label: 'Depends on', kind: 'text', hint: 'Task ids, separated by spaces or commas' },
    ],
    [
      {
        name: 'cpus',
        label: 'CPUs',
        kind: 'number',
        min: 0,
        max: policy.limits.cpus,
        step: 'any',
        hint: `At most ${policy.limits.cpus}`,
        placeholder: String(policy.limits.cpus),
      },
      {
        name: 'memory_mb',
        label: 'Memory (MB)',
        kind: 'number',
        min: 16,
        max: policy.limits.memory_mb,
        hint: `At most ${policy.limits.memory_mb}`,
        placeholder: String(policy.limits.memory_mb),
      },
    ],
    [
      {
        name: 'not_before',
        label: 'Not before',
        kind: 'text',
        hint: 'Not claimed earlier; RFC 3339, e.g. 2030-01-31T12:00:00Z',
      },
    ],
    [{ name: 'env', label: 'Environment', kind: 'textarea', rows: 3, hint: 'One NAME=value a line' }],
    [{ name: 'description', label: 'Description', kind: 'textarea', rows: 2, hint: 'Free text for people' }],
  ];
  return site.page(
    '@submit',
    '',
    'submit',
    'Submit a task',
    {
      submit: {
        rows,
        example,
        newFileUrl:
          site.repo &&
          `${site.repo}/new/${encodePath(site.input.branch)}?filename=tasks/queue/hello-1.json&value=${encodeURIComponent(example)}`,
      },
    },
    true,
  );
}

interface SubmitField {
  name: string;
  label: string;
  kind: 'text' | 'number' | 'textarea' | 'select';
  hint?: string;
  value?: string;
  required?: boolean;
  rows?: number;
  min?: number;
  max?: number;
  step?: string;
  placeholder?: string;
  options?: Array<{ value: string; label: string }>;
}
