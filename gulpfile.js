// Copies node and credential icons next to the compiled JavaScript, where n8n looks for them.
// gulp 5 decodes files as UTF-8 unless told otherwise, which corrupts binary icons: hence encoding: false.
const { src, dest, parallel, task } = require('gulp');

const copyNodeIcons = () => src('nodes/**/*.{png,svg}', { encoding: false }).pipe(dest('dist/nodes'));
const copyCredentialIcons = () => src('credentials/**/*.{png,svg}', { encoding: false }).pipe(dest('dist/credentials'));

task('build:icons', parallel(copyNodeIcons, copyCredentialIcons));
