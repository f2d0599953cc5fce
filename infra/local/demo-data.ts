import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import type { Deps } from '../../shared/runtime/deps.ts';
import { addRecognition, insertFacility, newFacilityRecord } from '../../shared/store/facilities.ts';
import type { Province, RecognitionAuthority } from '../../shared/domain/reference-data.ts';

/** Demo facilities (fictitious organisations with valid enterprise numbers) and their recognitions. */
export const DEMO_FACILITIES: ReadonlyArray<{
  enterpriseNumber: string;
  name: string;
  province: Province;
  email: string;
  recognitions: ReadonlyArray<{ authority: RecognitionAuthority; reference: string; validFrom: string; validUntil?: string }>;
}> = [
  {
    enterpriseNumber: '0123456749',
    name: 'Jeugdhulp De Brug vzw',
    province: 'ANTWERPEN',
    email: 'info@debrug.example',
    recognitions: [
      { authority: 'JONGERENWELZIJN', reference: 'JW-2018-0042', validFrom: '2018-05-01', validUntil: '2028-04-30' },
    ],
  },
  {
    enterpriseNumber: '0411905847',
    name: 'Dienstverlening Het Anker vzw',
    province: 'OOST_VLAANDEREN',
    email: 'contact@hetanker.example',
    recognitions: [{ authority: 'VAPH', reference: 'VAPH-2017-118', validFrom: '2017-01-01' }],
  },
  {
    enterpriseNumber: '0207437468',
    name: 'Centrum Geestelijke Gezondheidszorg Kempen',
    province: 'ANTWERPEN',
    email: 'secretariaat@cggkempen.example',
    recognitions: [
      { authority: 'ZORG_EN_GEZONDHEID', reference: 'ZG-CGG-07', validFrom: '2016-01-01', validUntil: '2030-12-31' },
    ],
  },
  {
    enterpriseNumber: '0860271224',
    name: 'CAW Limburg',
    province: 'LIMBURG',
    email: 'onthaal@cawlimburg.example',
    recognitions: [
      { authority: 'WELZIJN', reference: 'CAW-LIM-01', validFrom: '2015-01-01' },
      { authority: 'JONGERENWELZIJN', reference: 'JW-2019-0311', validFrom: '2019-01-01', validUntil: '2024-12-31' },
    ],
  },
];

/** Loads the demo data, but only into an empty table. Returns how many facilities were added. */
export async function loadDemoDataIfEmpty(deps: Deps): Promise<number> {
  const existing = await deps.ddb.send(new ScanCommand({ TableName: deps.tableName, Limit: 1 }));
  if ((existing.Items ?? []).length > 0) return 0;
  const audit = { actor: 'demo-data', now: deps.clock() };
  for (const facility of DEMO_FACILITIES) {
    await insertFacility(deps, newFacilityRecord(facility, audit));
    for (const recognition of facility.recognitions) {
      await addRecognition(deps, facility.enterpriseNumber, recognition, audit);
    }
  }
  return DEMO_FACILITIES.length;
}
