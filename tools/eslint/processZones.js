// ESLint rule `slotwise/process-zones`: folders are named by the process that runs them
// (docs/DESIGN.md), and this rule keeps imports inside those lines by RESOLVED path, so
// `src/shared/solver/*` is never mistaken for `src/solver/*`. Options: { zones: [{ target, from,
// message }] } with paths relative to the repository root.
import { dirname, relative, resolve, sep } from 'node:path';

const root = resolve(import.meta.dirname, '..', '..');
const inside = (file, folder) => {
  const rel = relative(resolve(root, folder), file);
  return rel === '' || (!rel.startsWith('..') && !rel.startsWith(sep) && rel !== '..');
};

export const processZones = {
  meta: {
    type: 'problem',
    docs: { description: 'Keep imports within the process boundaries of the source folders.' },
    schema: [
      {
        type: 'object',
        properties: {
          zones: {
            type: 'array',
            items: {
              type: 'object',
              properties: {
                target: { type: 'string' },
                from: { type: 'array', items: { type: 'string' } },
                message: { type: 'string' },
              },
              required: ['target', 'from', 'message'],
              additionalProperties: false,
            },
          },
        },
        additionalProperties: false,
      },
    ],
    messages: { restricted: '{{path}} may not be imported here: {{message}}' },
  },
  create(context) {
    const file = context.filename;
    const zones = (context.options[0]?.zones ?? []).filter((z) => inside(file, z.target));
    if (zones.length === 0) return {};
    const check = (node, source) => {
      if (typeof source !== 'string' || !source.startsWith('.')) return;
      const target = resolve(dirname(file), source);
      for (const zone of zones) {
        if (zone.from.some((folder) => inside(target, folder))) {
          context.report({ node, messageId: 'restricted', data: { path: source, message: zone.message } });
          return;
        }
      }
    };
    return {
      ImportDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
      ExportAllDeclaration: (node) => check(node, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node, node.source.value),
    };
  },
};

export default { rules: { 'process-zones': processZones } };
