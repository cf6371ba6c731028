export { AppError, isAppError, type AppErrorCode, type AppErrorDetail } from './app-error';
