export { practicaStatementsOnLrs } from './practica-statements-on-lrs';
