import { describe, expect, it } from 'vitest';
import { searchItems, type PickerItem } from '../../src/renderer/src/components/pickerSearch.ts';

const items: PickerItem[] = [
  { id: 'FCSE001', label: 'Dr. Aditi Chatterjee (FCSE001)', detail: 'CSE' },
  { id: 'FCSE002', label: 'Dr. Tanvi Agarwal (FCSE002)', detail: 'CSE' },
  { id: 'FME010', label: 'Śrīnivās Rao (FME010)', detail: 'ME' },
  { id: 'FMA003', label: 'Anna Müller (FMA003)', detail: 'MA' },
  { id: 'ADI', label: 'Adinath Lab (ADI)', detail: 'Rooms' },
];
const ids = (q: string, limit = 10) => searchItems(items, q, limit).indices.map((i) => items[i].id);

describe('searchItems', () => {
  it('finds by id or any part of the name, ignoring case and accents', () => {
    expect(ids('fcse002')).toEqual(['FCSE002']);
    expect(ids('srinivas')).toEqual(['FME010']);
    expect(ids('muller')).toEqual(['FMA003']);
    expect(ids('tanvi agar')).toEqual(['FCSE002']);
  });

  it('puts the id, then id or name prefixes, then word starts, then the rest', () => {
    // "adi": the room id ADI exactly, then Aditi (a word start), not "Adinath" before the id.
    expect(ids('adi')).toEqual(['ADI', 'FCSE001']);
    expect(ids('fcse')).toEqual(['FCSE001', 'FCSE002']);
  });

  it('lists everything for an empty query, up to the limit, and counts all matches', () => {
    expect(searchItems(items, '', 2)).toEqual({ indices: [0, 1], total: 5 });
    expect(searchItems(items, 'dr', 1).total).toBe(2);
    expect(ids('nobody')).toEqual([]);
  });
});
