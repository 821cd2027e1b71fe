/**
 * The console: the public pages without signing in, otherwise the signed-in user's workbench (one
 * section per role held) and the case page. Every figure comes from the service's HTTP API.
 */
import { useQuery } from '@tanstack/react-query';
import { Button, Layout, Menu, Space, Spin, Typography } from 'antd';
import { authControllerMe } from './api/generated';
import { data, signOut, token } from './api';
import { Login } from './pages/Login';
import { CasePage } from './pages/CasePage';
import { PublicPages } from './pages/PublicPages';
import { Workbench } from './pages/Workbench';
import { href, useRoute } from './router';

export function App() {
  const route = useRoute();
  const signedIn = token() !== null;
  const me = useQuery({ queryKey: ['me'], queryFn: () => data(authControllerMe()), enabled: signedIn });

  if (route[0] === 'public') return <Frame title="公开信息">{<PublicPages route={route.slice(1)} />}</Frame>;
  if (!signedIn) return <Login />;
  if (me.isPending) return <Spin fullscreen tip="正在载入" />;
  if (me.isError || !me.data) return <Login />;

  const user = me.data;
  return (
    <Frame
      title="重大行政决策程序管理"
      right={
        <Space wrap>
          <Typography.Text style={{ color: '#fff' }}>
            {user.displayName}（{user.orgUnitName ?? '—'}，{user.roleLabels.join('、')}）
          </Typography.Text>
          <Button size="small" onClick={signOut}>
            退出
          </Button>
        </Space>
      }
    >
      {route[0] === 'cases' && route[1] ? <CasePage id={route[1]} /> : <Workbench user={user} />}
    </Frame>
  );
}

function Frame({ title, right, children }: { title: string; right?: React.ReactNode; children: React.ReactNode }) {
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={{ display: 'flex', alignItems: 'center', gap: 16, flexWrap: 'wrap', height: 'auto', lineHeight: '48px' }}>
        <Typography.Title level={4} style={{ color: '#fff', margin: 0 }}>
          <a href={href()} style={{ color: '#fff' }}>
            {title}
          </a>
        </Typography.Title>
        <Menu
          theme="dark"
          mode="horizontal"
          selectable={false}
          style={{ flex: 1, minWidth: 120 }}
          items={[
            { key: 'home', label: <a href={href()}>工作台</a> },
            { key: 'public', label: <a href={href('public')}>公开信息</a> },
          ]}
        />
        {right}
      </Layout.Header>
      <Layout.Content style={{ padding: 16, maxWidth: 1280, width: '100%', margin: '0 auto' }}>
        <main>{children}</main>
      </Layout.Content>
    </Layout>
  );
}
