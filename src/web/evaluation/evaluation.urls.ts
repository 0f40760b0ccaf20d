/** The route pattern of one department's year on the staff evaluation page; its forms post below it. */
export const EVALUATION_PAGE_ROUTE = '/staff/evaluation/:departmentId{[0-9]+}/:year{[0-9]{4}}';

/** Staff evaluation URLs in one place, so pages, redirects and tests agree. */
export const evaluationUrls = {
  index: () => '/staff/evaluation',
  page: (departmentId: number, year: number) => `/staff/evaluation/${departmentId}/${year}`,
  match: (departmentId: number, year: number, targetId: number) =>
    `/staff/evaluation/${departmentId}/${year}/matches/${targetId}`,
  assessment: (departmentId: number, year: number, itemId: number) =>
    `/staff/evaluation/${departmentId}/${year}/items/${itemId}/assessment`,
  indicator: (departmentId: number, year: number, targetId: number) =>
    `/staff/evaluation/${departmentId}/${year}/indicator/${targetId}`,
  indicatorRemove: (departmentId: number, year: number, targetId: number) =>
    `/staff/evaluation/${departmentId}/${year}/indicator/${targetId}/delete`,
  stylesheet: () => '/assets/evaluation.css',
};

export const targetAnchor = (targetId: number) => `target-${targetId}`;
export const itemAnchor = (itemId: number) => `item-${itemId}`;
