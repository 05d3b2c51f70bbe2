module.exports = async () => {
  process.env.TZ = 'Asia/Ho_Chi_Minh';
};
