import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';

/** Colours darker than Ant Design's defaults, so that links, buttons, hints and secondary text read at 4.5:1 (WCAG AA). */
const theme = {
  token: { colorPrimary: '#0958d9', colorLink: '#0958d9', colorTextPlaceholder: '#6b6b6b', colorTextSecondary: '#595959', colorTextTertiary: '#595959', colorTextDescription: '#595959' },
};

const queries = new QueryClient({ defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false } } });

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <ConfigProvider locale={zhCN} theme={theme}>
      <AntApp>
        <QueryClientProvider client={queries}>
          <App />
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  </StrictMode>,
);
