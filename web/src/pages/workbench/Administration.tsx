/** The administrator's units and accounts. */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Modal, Select, Space } from 'antd';
import { useState } from 'react';
import {
  orgUnitsControllerCreate,
  orgUnitsControllerList,
  orgUnitsControllerUpdate,
  usersControllerCreate,
  usersControllerList,
  usersControllerResetPassword,
  usersControllerUpdate,
  type UserDto,
} from '../../api/generated';
import { data } from '../../api';
import { Refusal } from '../../components/Refusal';
import { heading, ListTable } from '../../components/ListTable';
import { useProblem } from './shared';

export function Administration() {
  const queries = useQueryClient();
  const units = useQuery({ queryKey: ['units'], queryFn: () => data(orgUnitsControllerList({ query: { pageSize: 200 } })) });
  const users = useQuery({ queryKey: ['users'], queryFn: () => data(usersControllerList({ query: { pageSize: 200 } })) });
  const [problem, fail, clear] = useProblem();
  const [done, setDone] = useState<string | null>(null);
  const run = async (what: string, call: () => Promise<unknown>) => {
    clear();
    setDone(null);
    try {
      await call();
      setDone(what);
      await queries.invalidateQueries({ queryKey: ['units'] });
      await queries.invalidateQueries({ queryKey: ['users'] });
    } catch (e) {
      fail(e);
    }
  };
  const unitOptions = (units.data ?? []).filter((u) => u.active).map((u) => ({ value: u.id, label: u.name }));
  return (
    <>
      {done && <Alert type="success" title={done} showIcon />}
      {problem && <Refusal problem={problem} />}
      <Card title={heading('单位')}>
        <ListTable
          loading={units.isPending}
          dataSource={units.data ?? []}
          columns={[
            { title: '名称', dataIndex: 'name' },
            { title: '类型', dataIndex: 'kindLabel' },
            { title: '上级', dataIndex: 'parentName' },
            { title: '状态', key: 'active', render: (_, u) => (u.active ? '启用' : '已停用') },
            {
              title: '',
              key: 'act',
              render: (_, u) => (
                <Button size="small" onClick={() => void run(u.active ? `已停用：${u.name}` : `已启用：${u.name}`, () => data(orgUnitsControllerUpdate({ path: { id: u.id }, body: { active: !u.active } })))}>
                  {u.active ? '停用' : '启用'}
                </Button>
              ),
            },
          ]}
        />
        <Form
          name="unit"
          layout="inline"
          style={{ marginTop: 12, rowGap: 8 }}
          onFinish={(v: { name: string; kind: 'government' | 'department' | 'street'; parentId?: string }) => void run(`已建立单位：${v.name}`, () => data(orgUnitsControllerCreate({ body: v })))}
        >
          <Form.Item label="新单位名称" name="name" rules={[{ required: true, message: '请填写名称' }]}>
            <Input />
          </Form.Item>
          <Form.Item label="类型" name="kind" rules={[{ required: true, message: '请选择类型' }]}>
            <Select
              style={{ width: 160 }}
              options={[
                { value: 'government', label: '人民政府' },
                { value: 'department', label: '政府工作部门' },
                { value: 'street', label: '街道办事处' },
              ]}
            />
          </Form.Item>
          <Form.Item label="上级" name="parentId">
            <Select allowClear style={{ width: 200 }} options={unitOptions} />
          </Form.Item>
          <Button htmlType="submit">建立单位</Button>
        </Form>
      </Card>
      <Card title={heading('用户')}>
        <ListTable
          loading={users.isPending}
          dataSource={users.data ?? []}
          columns={[
            { title: '用户名', dataIndex: 'username' },
            { title: '姓名', dataIndex: 'displayName' },
            { title: '单位', dataIndex: 'orgUnitName' },
            { title: '角色', key: 'roles', render: (_, u) => u.roleLabels.join('、') },
            { title: '状态', key: 'disabled', render: (_, u) => (u.disabled ? '已停用' : '启用') },
            {
              title: '',
              key: 'act',
              render: (_, u) => (
                <Space>
                  <Button size="small" onClick={() => void run(u.disabled ? `已启用：${u.username}` : `已停用：${u.username}`, () => data(usersControllerUpdate({ path: { id: u.id }, body: { disabled: !u.disabled } })))}>
                    {u.disabled ? '启用' : '停用'}
                  </Button>
                  <ResetPassword onReset={(password) => void run(`已重置密码：${u.username}`, () => data(usersControllerResetPassword({ path: { id: u.id }, body: { password } })))} />
                </Space>
              ),
            },
          ]}
        />
        <Form
          name="user"
          layout="inline"
          style={{ marginTop: 12, rowGap: 8 }}
          onFinish={(v: { username: string; displayName: string; orgUnitId: string; role: UserDto['roles'][number]; password: string }) =>
            void run(`已建立用户：${v.username}`, () => data(usersControllerCreate({ body: { username: v.username, displayName: v.displayName, orgUnitId: v.orgUnitId, roles: [v.role], password: v.password } })))
          }
        >
          <Form.Item label="用户名" name="username" rules={[{ required: true, message: '请填写用户名' }]}>
            <Input />
          </Form.Item>
          <Form.Item label="姓名" name="displayName" rules={[{ required: true, message: '请填写姓名' }]}>
            <Input />
          </Form.Item>
          <Form.Item label="单位" name="orgUnitId" rules={[{ required: true, message: '请选择单位' }]}>
            <Select style={{ width: 180 }} options={unitOptions} />
          </Form.Item>
          <Form.Item label="角色" name="role" rules={[{ required: true, message: '请选择角色' }]}>
            <Select
              style={{ width: 160 }}
              options={[
                { value: 'department', label: '决策承办单位' },
                { value: 'office', label: '决策机关办公室' },
                { value: 'legal_reviewer', label: '合法性审查机构' },
                { value: 'auditor', label: '依法治区办' },
                { value: 'admin', label: '系统管理员' },
              ]}
            />
          </Form.Item>
          <Form.Item label="初始密码" name="password" rules={[{ required: true, message: '请填写初始密码' }]}>
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Button htmlType="submit">建立用户</Button>
        </Form>
      </Card>
    </>
  );
}

function ResetPassword({ onReset }: { onReset: (password: string) => void }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button size="small" onClick={() => setOpen(true)}>
        重置密码
      </Button>
      <Modal open={open} title="重置密码" onCancel={() => setOpen(false)} footer={null}>
        <Form
          layout="vertical"
          onFinish={(v: { password: string }) => {
            setOpen(false);
            onReset(v.password);
          }}
        >
          <Form.Item label="新密码" name="password" extra="至少10个字符，含大写字母、小写字母、数字、其他字符中的三类，不含用户名" rules={[{ required: true, message: '请填写新密码' }]}>
            <Input.Password id="reset-password" autoComplete="new-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit">
            重置
          </Button>
        </Form>
      </Modal>
    </>
  );
}
