import type {
  Assignment,
  AssignmentBodyInput,
  Course,
  CourseBodyInput,
  CourseListQuery,
  CourseSummary,
  LearningStats,
  MyCourse,
  MyCourseDetail,
  Page,
  QuizPaper,
  QuizResult,
} from '@gonghui/contracts';
import { api, buildQuery } from './api-client';
import { attachmentApi } from './attachment.api';
import { fileApi } from './file.api';

export const learningKeys = {
  all: ['learning'] as const,
  list: (query: object) => ['learning', 'courses', query] as const,
  one: (id: string) => ['learning', 'course', id] as const,
  assignments: (courseId?: string) => ['learning', 'assignments', courseId ?? 'all'] as const,
  stats: (courseId: string, rootOrgId?: string) => ['learning', 'stats', courseId, rootOrgId ?? 'top'] as const,
  mine: ['learning', 'me'] as const,
  myOne: (id: string) => ['learning', 'me', id] as const,
  paper: (id: string) => ['learning', 'me', id, 'quiz'] as const,
};

const course = (id: string, rest = ''): string => `/learning/courses/${encodeURIComponent(id)}${rest}`;
const mine = (id: string, rest = ''): string => `/m/learning/courses/${encodeURIComponent(id)}${rest}`;

/** 学习园地 (staff): courses, document files, assignments, statistics. */
export const learningApi = {
  list: (query: Partial<CourseListQuery>): Promise<Page<CourseSummary>> => api.get<Page<CourseSummary>>('/learning/courses', { ...query }),
  get: (id: string): Promise<Course> => api.get<Course>(course(id)),
  create: (body: CourseBodyInput): Promise<Course> => api.post<Course>('/learning/courses', body),
  update: (id: string, body: CourseBodyInput): Promise<Course> => api.put<Course>(course(id), body),
  publish: (id: string): Promise<Course> => api.post<Course>(course(id, '/publish')),
  withdraw: (id: string): Promise<Course> => api.post<Course>(course(id, '/withdraw')),
  remove: (id: string): Promise<{ ok: true }> => api.delete<{ ok: true }>(course(id)),
  files: attachmentApi<Course, 'document'>('/learning/materials', 'files'),
  assignments: (courseId?: string): Promise<Page<Assignment>> => api.get<Page<Assignment>>('/learning/assignments', { courseId, pageSize: 100 }),
  preview: (id: string, body: AssignmentBodyInput): Promise<{ count: number; orgCount: number }> => api.post(course(id, '/assignments/preview'), body),
  assign: (id: string, body: AssignmentBodyInput): Promise<Assignment> => api.post<Assignment>(course(id, '/assignments'), body),
  people: (q: string): Promise<{ id: string; name: string; orgName: string; kind: 'member' | 'staff' }[]> => api.get('/learning/people', { q }),
  stats: (courseId: string, rootOrgId?: string): Promise<LearningStats> => api.get<LearningStats>('/learning/stats', { courseId, rootOrgId }),
  exportStats: (courseId: string, rootOrgId?: string): Promise<void> => fileApi.download(`/learning/stats/export.xlsx${buildQuery({ courseId, rootOrgId })}`, '学习完成统计.xlsx'),
};

/** The learner's own (H5 `/m`). */
export const myLearningApi = {
  mine: (): Promise<MyCourse[]> => api.get<MyCourse[]>('/m/learning/courses'),
  open: (id: string): Promise<MyCourseDetail> => api.post<MyCourseDetail>(mine(id, '/open')),
  openMaterial: (id: string, materialId: string): Promise<MyCourseDetail> => api.post<MyCourseDetail>(mine(id, `/materials/${encodeURIComponent(materialId)}/open`)),
  finishMaterial: (id: string, materialId: string): Promise<MyCourseDetail> => api.post<MyCourseDetail>(mine(id, `/materials/${encodeURIComponent(materialId)}/finish`)),
  heartbeat: (id: string, seconds: number): Promise<{ credited: number; secondsSpent: number }> => api.post(mine(id, '/heartbeat'), { seconds }),
  paper: (id: string): Promise<QuizPaper> => api.get<QuizPaper>(mine(id, '/quiz')),
  submit: (id: string, answers: Record<string, string[]>): Promise<QuizResult> => api.post<QuizResult>(mine(id, '/quiz'), { answers }),
  fileHref: (id: string, materialId: string, fileId: string): string => `/api${mine(id, `/materials/${encodeURIComponent(materialId)}/files/${encodeURIComponent(fileId)}`)}`,
};
