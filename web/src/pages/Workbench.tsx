/**
 * Each signed-in user's workbench opens on what they must do now, one section per role they hold:
 * departments and the office their cases with the open step and its due day, legal reviewers the
 * review desk, auditors the incomplete procedures, refused attempts and the annual report, the
 * administrator the units and accounts.
 */
import { Space } from 'antd';
import type { UserDto } from '../api/generated';
import { Administration } from './workbench/Administration';
import { AuditorDesk } from './workbench/AuditorDesk';
import { Catalogs, Proposals } from './workbench/Catalogs';
import { MyCases } from './workbench/Cases';
import { ReviewDesk } from './workbench/ReviewDesk';

export function Workbench({ user }: { user: UserDto }) {
  const roles = new Set(user.roles);
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      {(roles.has('department') || roles.has('office')) && <MyCases office={roles.has('office')} />}
      {roles.has('department') && <Proposals user={user} />}
      {roles.has('office') && <Catalogs user={user} />}
      {roles.has('legal_reviewer') && <ReviewDesk />}
      {roles.has('auditor') && <AuditorDesk />}
      {roles.has('admin') && <Administration />}
    </Space>
  );
}
