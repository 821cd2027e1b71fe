import { Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { authControllerLogin } from '../api/generated';
import { data, ProblemError, signIn } from '../api';
import { href } from '../router';

export function Login() {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const onFinish = async (v: { username: string; password: string }) => {
    setBusy(true);
    setError(null);
    try {
      const r = await data(authControllerLogin({ body: v }));
      signIn(r.accessToken);
      window.location.reload();
    } catch (e) {
      setError(e instanceof ProblemError ? (e.problem.detail ?? '登录失败') : '服务暂时无法访问');
    } finally {
      setBusy(false);
    }
  };
  return (
    <main style={{ display: 'flex', justifyContent: 'center', padding: '10vh 16px' }}>
      <Card title={<h1 style={{ fontSize: 20, margin: 0 }}>重大行政决策程序管理 · 登录</h1>} style={{ width: 400, maxWidth: '100%' }}>
        <Form layout="vertical" onFinish={onFinish}>
          <Form.Item label="用户名" name="username" rules={[{ required: true, message: '请填写用户名' }]}>
            <Input id="username" autoComplete="username" />
          </Form.Item>
          <Form.Item label="密码" name="password" rules={[{ required: true, message: '请填写密码' }]}>
            <Input.Password id="password" autoComplete="current-password" />
          </Form.Item>
          {error && (
            <Typography.Paragraph type="danger" role="alert">
              {error}
            </Typography.Paragraph>
          )}
          <Button type="primary" htmlType="submit" block loading={busy}>
            登录
          </Button>
        </Form>
        <Typography.Paragraph style={{ marginTop: 16 }}>
          <a href={href('public')}>不登录，查看公开的决策事项目录和重大行政决策</a>
        </Typography.Paragraph>
      </Card>
    </main>
  );
}
