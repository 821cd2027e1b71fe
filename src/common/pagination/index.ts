export { DEFAULT_PAGE_SIZE, MAX_PAGE, MAX_PAGE_SIZE, Page, PageQueryDto } from './page';
export { PaginationInterceptor, TOTAL_COUNT_HEADER } from './pagination.interceptor';
