/** The console's lists and section headings, alike everywhere: rows by id, 20 to a page, scrolling sideways on a narrow screen. */
import { Table, type TableProps } from 'antd';

export function ListTable<T extends object>(props: TableProps<T>) {
  return <Table<T> rowKey="id" pagination={{ pageSize: 20 }} scroll={{ x: true }} {...props} />;
}

/** A section's heading (h2): the workbench's and the case page's sections are the page's outline. */
export const heading = (text: string, size = 18) => <h2 style={{ fontSize: size, margin: 0 }}>{text}</h2>;
